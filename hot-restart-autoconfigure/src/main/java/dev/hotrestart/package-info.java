/**
 * The {@link dev.hotrestart.HotRestart @HotRestart} annotation and the few types a user
 * of hot restart touches.
 */
package dev.hotrestart;

/*
 * Copyright 2026 the hot-restart authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.hotrestart.devtools;

import java.lang.management.ManagementFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Remembers when the application last closed its root context, so that after a DevTools
 * restart the new class file baseline knows since when the new restart class loader may
 * have loaded classes: every class file older than that was loaded as it is now.
 * <p>
 * The time is kept in a static field of this class, which the application class loader
 * (not a restart class loader) loads, so that it survives the restart. Were this class
 * itself reloaded by a restart, the time falls back to the JVM's start, which is always
 * safe: it only makes more files count as changed.
 *
 * @author hot-restart authors
 */
public class RestartClock implements ApplicationListener<ContextClosedEvent> {

	private static volatile long lastClosedAt;

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext().getParent() == null) {
			lastClosedAt = System.currentTimeMillis();
		}
	}

	/**
	 * Return the epoch milliseconds since which the current class loader may have loaded
	 * the application's classes: the JVM's start, or the close of the root context before
	 * the last restart.
	 * @return the time classes began loading
	 */
	public static long classesLoadedSince() {
		return Math.max(ManagementFactory.getRuntimeMXBean().getStartTime(), lastClosedAt);
	}

}

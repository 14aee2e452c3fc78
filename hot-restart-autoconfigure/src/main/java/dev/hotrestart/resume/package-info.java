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

/**
 * Resuming parked calls: the continue use case (compile the saved sources, reload the
 * changed classes, call again, tell the outcome) and abort, used by the endpoint, resume
 * on save and every other way of deciding; resume on save and the watcher of the class
 * and source directories that drives it without DevTools; and the warm-ups that take the
 * one-off costs off the first continue.
 */
package dev.hotrestart.resume;

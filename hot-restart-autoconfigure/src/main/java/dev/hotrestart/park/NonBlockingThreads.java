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

package dev.hotrestart.park;

import reactor.core.scheduler.Schedulers;

import org.springframework.util.ClassUtils;

/**
 * Tells whether the current thread must never block: an event loop of Reactor Netty, or
 * any other thread Reactor marks as non-blocking. Parking such a thread would stop it
 * from serving every other request it handles.
 *
 * @author hot-restart authors
 */
final class NonBlockingThreads {

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.scheduler.Schedulers",
			NonBlockingThreads.class.getClassLoader());

	private NonBlockingThreads() {
	}

	/**
	 * Return whether the current thread is non-blocking.
	 * @return {@code true} on an event loop
	 */
	static boolean isCurrent() {
		return REACTOR_PRESENT && ReactorThreads.isNonBlocking();
	}

	/**
	 * Isolates the Reactor types so that this class loads without them.
	 */
	private static final class ReactorThreads {

		static boolean isNonBlocking() {
			return Schedulers.isInNonBlockingThread();
		}

	}

}

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

/**
 * How a parked call's wait ended, as seen by the thread that parked.
 *
 * @author hot-restart authors
 */
public enum Resolution {

	/**
	 * Call the method again with the same arguments.
	 */
	RETRY("continued"),

	/**
	 * A developer aborted the call: the original exception propagates.
	 */
	ABORT("aborted"),

	/**
	 * The application is shutting down: the original exception propagates.
	 */
	RELEASE("released on shutdown"),

	/**
	 * The call waited longer than {@code hot-restart.park-timeout}.
	 */
	TIMEOUT("timed out"),

	/**
	 * The parked thread was interrupted.
	 */
	INTERRUPT("interrupted");

	private final String description;

	Resolution(String description) {
		this.description = description;
	}

	/**
	 * Return whether the method is called again.
	 * @return {@code true} for {@link #RETRY}
	 */
	public boolean retries() {
		return this == RETRY;
	}

	/**
	 * Return how the wait ended, in words for log lines.
	 * @return a short description such as "aborted"
	 */
	public String description() {
		return this.description;
	}

}

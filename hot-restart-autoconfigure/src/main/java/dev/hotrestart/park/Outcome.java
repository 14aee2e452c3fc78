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
 * How an attempt of a parked call, or the whole call, ended. Each outcome has one
 * {@link #value() value} that the endpoint, the console, the terminal and the log use.
 *
 * @author hot-restart authors
 */
public enum Outcome {

	/**
	 * The method ran again and returned normally; the caller received its result.
	 */
	RESUMED("resumed"),

	/**
	 * The method ran again, failed again, and waits as the next attempt.
	 */
	PARKED_AGAIN("parked-again"),

	/**
	 * The method ran again and failed with an exception that does not park; the caller
	 * received it.
	 */
	FAILED("failed"),

	/**
	 * The method was still running again when the one who continued it stopped waiting.
	 */
	RUNNING("running"),

	/**
	 * A developer aborted the call: the caller received the original exception.
	 */
	ABORTED("aborted"),

	/**
	 * The application shut down or restarted: the caller received the original exception.
	 */
	RELEASED("released"),

	/**
	 * The call waited longer than {@code hot-restart.park-timeout}: the caller received
	 * the original exception.
	 */
	TIMED_OUT("timed-out"),

	/**
	 * The parked thread was interrupted: the caller received the original exception.
	 */
	INTERRUPTED("interrupted"),

	/**
	 * The caller of a call parked without a thread stopped waiting (a cancelled
	 * subscription or future): nobody received anything.
	 */
	CANCELLED("cancelled");

	private final String value;

	Outcome(String value) {
		this.value = value;
	}

	/**
	 * Return the outcome as the endpoint's JSON spells it.
	 * @return a lower-case word such as {@code parked-again}
	 */
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}

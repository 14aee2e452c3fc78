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

import org.jspecify.annotations.Nullable;

/**
 * How a parked call's wait ended, as seen by the thread that parked.
 *
 * @author hot-restart authors
 */
public enum Resolution {

	/**
	 * Call the method again with the same arguments.
	 */
	RETRY(null),

	/**
	 * A developer aborted the call: the original exception propagates.
	 */
	ABORT(Outcome.ABORTED),

	/**
	 * The application is shutting down or restarting: the original exception propagates.
	 */
	RELEASE(Outcome.RELEASED),

	/**
	 * The call waited longer than {@code hot-restart.park-timeout}.
	 */
	TIMEOUT(Outcome.TIMED_OUT),

	/**
	 * The parked thread was interrupted.
	 */
	INTERRUPT(Outcome.INTERRUPTED),

	/**
	 * The caller stopped waiting for a call parked without a thread: a reactive
	 * subscriber cancelled (its client went away) or the returned future was cancelled.
	 */
	CANCEL(Outcome.CANCELLED);

	private final @Nullable Outcome outcome;

	Resolution(@Nullable Outcome outcome) {
		this.outcome = outcome;
	}

	/**
	 * Return whether the method is called again.
	 * @return {@code true} for {@link #RETRY}
	 */
	public boolean retries() {
		return this == RETRY;
	}

	/**
	 * Return how the call ends when its wait ends this way.
	 * @return the outcome of the call
	 * @throws IllegalStateException for {@link #RETRY}, after which the call goes on
	 */
	public Outcome outcome() {
		if (this.outcome == null) {
			throw new IllegalStateException("A retried call has no outcome until its attempt ends");
		}
		return this.outcome;
	}

}

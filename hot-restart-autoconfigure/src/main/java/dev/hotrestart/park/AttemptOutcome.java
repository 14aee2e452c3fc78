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
 * What happened when a continued call ran again.
 *
 * @author hot-restart authors
 */
public sealed interface AttemptOutcome {

	/**
	 * Return the outcome in the words the endpoint uses.
	 * @return {@link Outcome#RESUMED}, {@link Outcome#PARKED_AGAIN} or
	 * {@link Outcome#FAILED}
	 */
	Outcome outcome();

	/**
	 * The method returned normally; the caller received its result.
	 */
	record Resumed() implements AttemptOutcome {

		@Override
		public Outcome outcome() {
			return Outcome.RESUMED;
		}

	}

	/**
	 * The method failed again and the call parked as its next attempt.
	 *
	 * @param failure the new failure
	 */
	record ParkedAgain(AttemptFailure failure) implements AttemptOutcome {

		@Override
		public Outcome outcome() {
			return Outcome.PARKED_AGAIN;
		}

	}

	/**
	 * The method failed again with an exception that does not park; it propagated.
	 *
	 * @param exception the exception the caller received
	 */
	record Failed(Throwable exception) implements AttemptOutcome {

		@Override
		public Outcome outcome() {
			return Outcome.FAILED;
		}

	}

}

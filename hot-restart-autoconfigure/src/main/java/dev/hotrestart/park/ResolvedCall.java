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

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A parked call that has left the lot, as the history remembers it. Holds no reference to
 * the exception or the arguments, only their text.
 *
 * @param id the id the call was parked under
 * @param site where the call came from
 * @param outcome how it ended
 * @param attempts how many times the method ran
 * @param exceptionType the class name of the last exception
 * @param exceptionMessage the message of the last exception, or {@code null}
 * @param firstParkedAt when the call first parked
 * @param resolvedAt when it left the lot
 * @author hot-restart authors
 */
public record ResolvedCall(String id, CallSite site, Outcome outcome, int attempts, String exceptionType,
		@Nullable String exceptionMessage, Instant firstParkedAt, Instant resolvedAt) {

	/**
	 * Return how long the call was parked, from its first failure to its resolution.
	 * @return the time from park to fix (or to giving up)
	 */
	public Duration parkedFor() {
		return Duration.between(this.firstParkedAt, this.resolvedAt);
	}

}

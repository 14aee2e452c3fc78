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

/**
 * Tells when the requests that released calls served have been answered, so that shutdown
 * does not stop the web server between a released call leaving the advice and its error
 * answer reaching the client. Implemented per web stack (see {@link ParkedRequests} for
 * servlet containers); without a web server there is nothing to wait for.
 *
 * @author hot-restart authors
 */
@FunctionalInterface
public interface ReleasedRequests {

	/**
	 * Wait until every request that served a parked call has been answered.
	 * @param maxWait how long to wait at most
	 * @return whether they were all answered in time
	 */
	boolean awaitAnswered(Duration maxWait);

}

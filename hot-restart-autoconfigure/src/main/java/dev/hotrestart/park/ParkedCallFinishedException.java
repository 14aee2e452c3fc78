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
 * Thrown when a developer continues or aborts a call that has already left the lot:
 * resumed, aborted, timed out, interrupted or released. Typically the loser of two racing
 * decisions.
 *
 * @author hot-restart authors
 */
public class ParkedCallFinishedException extends ParkedCallBusyException {

	/**
	 * Create an exception for a call that has left the lot.
	 * @param id the id of the call
	 * @param how how it left
	 */
	public ParkedCallFinishedException(String id, Outcome how) {
		super(id, ParkedCallState.FINISHED, "Parked call '" + id + "' has already left (" + how.value()
				+ "); nothing waits under this id any more. GET /actuator/hotrestart lists the calls parked now.");
	}

}

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
 * Thrown when a parked call cannot be continued or aborted because it is not waiting: it
 * is running again after a continue, or another request has just decided its fate.
 *
 * @author hot-restart authors
 */
public class ParkedCallBusyException extends RuntimeException {

	private final String id;

	private final ParkedCallState state;

	/**
	 * Create an exception for a call that is not waiting.
	 * @param id the id of the call
	 * @param state the state the call is in
	 */
	public ParkedCallBusyException(String id, ParkedCallState state) {
		super("Parked call '" + id + "' is " + state.value() + ", not waiting. Wait until it parks again "
				+ "(GET /actuator/hotrestart/" + id + ") before you continue or abort it.");
		this.id = id;
		this.state = state;
	}

	/**
	 * Create an exception with a message of its own.
	 * @param id the id of the call
	 * @param state the state the call is in
	 * @param message what happened and what to do
	 */
	protected ParkedCallBusyException(String id, ParkedCallState state, String message) {
		super(message);
		this.id = id;
		this.state = state;
	}

	public String getId() {
		return this.id;
	}

	/**
	 * Return the state the call was in: running or finished.
	 * @return the state
	 */
	public ParkedCallState getState() {
		return this.state;
	}

}

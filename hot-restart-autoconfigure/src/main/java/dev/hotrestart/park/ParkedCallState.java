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
 * Where a parked call is in its life cycle.
 *
 * @author hot-restart authors
 */
public enum ParkedCallState {

	/**
	 * Waiting for a decision: continue and abort are possible.
	 */
	PARKED("parked"),

	/**
	 * Running again after a continue; it will return, fail, or park again.
	 */
	RUNNING("running"),

	/**
	 * Gone from the lot: resumed, failed, aborted, released, timed out or interrupted.
	 */
	FINISHED("finished");

	private final String value;

	ParkedCallState(String value) {
		this.value = value;
	}

	/**
	 * Return the state as the endpoint's JSON spells it.
	 * @return {@code parked}, {@code running} or {@code finished}
	 */
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}

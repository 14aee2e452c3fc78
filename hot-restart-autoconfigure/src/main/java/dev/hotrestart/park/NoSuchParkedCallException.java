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
 * Thrown when no parked call has the given id: it never existed, or it has already
 * resumed, been aborted, timed out or been released.
 *
 * @author hot-restart authors
 */
public class NoSuchParkedCallException extends RuntimeException {

	private final String id;

	public NoSuchParkedCallException(String id) {
		super("No parked call has id '" + id + "'. It may have been resumed, aborted or timed out already; "
				+ "GET /actuator/hotrestart lists the calls parked now.");
		this.id = id;
	}

	public String getId() {
		return this.id;
	}

}

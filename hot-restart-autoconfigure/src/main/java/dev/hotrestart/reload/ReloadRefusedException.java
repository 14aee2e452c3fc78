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

package dev.hotrestart.reload;

import java.util.List;

/**
 * Thrown when the JVM refuses to redefine the changed classes. Redefinition is atomic, so
 * none of them changed, and the parked call stays parked.
 *
 * @author hot-restart authors
 */
public class ReloadRefusedException extends RuntimeException {

	private final List<String> classNames;

	public ReloadRefusedException(List<String> classNames, Throwable cause) {
		super("The JVM refused to redefine " + String.join(", ", classNames) + ": " + reason(cause)
				+ ". Nothing was reloaded and the call stays parked. This JVM can only replace method bodies: "
				+ "move the change into an existing method, or restart the application.", cause);
		this.classNames = List.copyOf(classNames);
	}

	private static String reason(Throwable cause) {
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
	}

	public List<String> getClassNames() {
		return this.classNames;
	}

}

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

import org.jspecify.annotations.Nullable;

/**
 * Thrown when classes cannot be redefined because this JVM gives hot restart no
 * {@link java.lang.instrument.Instrumentation}. The message says how to start the JVM so
 * that it does.
 *
 * @author hot-restart authors
 */
public class InstrumentationUnavailableException extends ReloadException {

	/**
	 * Create an exception.
	 * @param reason why there is no instrumentation, completing "Hot restart cannot
	 * redefine classes in this JVM: "
	 * @param cause the error that told, if any
	 */
	public InstrumentationUnavailableException(String reason, @Nullable Throwable cause) {
		super("Hot restart cannot redefine classes in this JVM: " + reason + ". Start the JVM with "
				+ "-javaagent:<path to hot-restart-autoconfigure.jar> (with spring-boot:run, add it to the "
				+ "plugin's <agents>), or use a full JDK rather than a jlink'd runtime so that hot restart can "
				+ "attach itself. The call stays parked; you can still abort it.", cause);
	}

}

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
 * Thrown when changed classes cannot be reloaded. Nothing was reloaded, so a parked call
 * stays parked; the message says what happened and what to do. Its subclasses say why:
 * the JVM cannot apply a change ({@link ReloadRefusedException}), a class file cannot be
 * loaded ({@link ClassFileRejectedException}), or classes cannot be redefined in this JVM
 * at all ({@link InstrumentationUnavailableException}).
 *
 * @author hot-restart authors
 */
public abstract class ReloadException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what happened and what to do
	 * @param cause the underlying error, if any
	 */
	protected ReloadException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

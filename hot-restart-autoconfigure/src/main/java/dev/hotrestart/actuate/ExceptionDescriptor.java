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

package dev.hotrestart.actuate;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.jspecify.annotations.Nullable;

/**
 * An exception as the endpoint shows it.
 *
 * @param type the fully qualified class name
 * @param message the message, or {@code null}
 * @param stackTrace the stack trace with its causes, as {@code printStackTrace} prints it
 * (bounded in length)
 * @author hot-restart authors
 */
public record ExceptionDescriptor(String type, @Nullable String message, String stackTrace) {

	static final int MAX_STACK_TRACE_LENGTH = 64 * 1024;

	static ExceptionDescriptor of(Throwable exception) {
		StringWriter trace = new StringWriter();
		exception.printStackTrace(new PrintWriter(trace));
		String text = trace.toString();
		if (text.length() > MAX_STACK_TRACE_LENGTH) {
			text = text.substring(0, MAX_STACK_TRACE_LENGTH) + "\n\t... (stack trace truncated)";
		}
		return new ExceptionDescriptor(exception.getClass().getName(), exception.getMessage(), text);
	}

}

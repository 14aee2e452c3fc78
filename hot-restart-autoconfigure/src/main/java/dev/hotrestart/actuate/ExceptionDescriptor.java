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
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.locals.ThrowSiteLocals;
import dev.hotrestart.reload.ApplicationCode;

/**
 * An exception as the endpoint shows it: as text, and as structured frames with its cause
 * chain, so that a client can set the application's frames apart.
 *
 * @param type the fully qualified class name
 * @param message the message, or {@code null}
 * @param stackTrace the stack trace with its causes, as {@code printStackTrace} prints it
 * (bounded in length)
 * @param frames the frames of the stack trace, innermost first (bounded in number), the
 * application's with their local variables when they were recorded
 * @param omittedFrames how many frames {@code frames} leaves out
 * @param causes the cause chain, outermost first, without this exception
 * @author hot-restart authors
 */
public record ExceptionDescriptor(String type, @Nullable String message, String stackTrace,
		List<StackFrameDescriptor> frames, int omittedFrames, List<CauseDescriptor> causes) {

	static final int MAX_STACK_TRACE_LENGTH = 64 * 1024;

	static final int MAX_CAUSES = 16;

	private static final StackTraceElement[] NO_FRAMES = {};

	static ExceptionDescriptor of(Throwable exception, ApplicationCode applicationCode) {
		StringWriter trace = new StringWriter();
		exception.printStackTrace(new PrintWriter(trace));
		String text = trace.toString();
		if (text.length() > MAX_STACK_TRACE_LENGTH) {
			text = text.substring(0, MAX_STACK_TRACE_LENGTH) + "\n\t... (stack trace truncated)";
		}
		StackTraceElement[] elements = exception.getStackTrace();
		List<StackFrameDescriptor> frames = StackFrameDescriptor.of(elements, NO_FRAMES, applicationCode,
				ThrowSiteLocals.of(exception, elements));
		return new ExceptionDescriptor(exception.getClass().getName(), exception.getMessage(), text, frames,
				elements.length - frames.size(), causes(exception, applicationCode));
	}

	/**
	 * Return whether any frame, of this exception or of a cause, has its local variables.
	 * @return {@code true} if some locals were recorded
	 */
	boolean hasLocals() {
		return this.frames.stream().anyMatch((frame) -> frame.locals() != null) || this.causes.stream()
			.anyMatch((cause) -> cause.frames().stream().anyMatch((frame) -> frame.locals() != null));
	}

	private static List<CauseDescriptor> causes(Throwable exception, ApplicationCode applicationCode) {
		List<CauseDescriptor> causes = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		seen.add(exception);
		Throwable enclosing = exception;
		for (Throwable cause = exception.getCause(); cause != null && seen.add(cause)
				&& causes.size() < MAX_CAUSES; cause = cause.getCause()) {
			StackTraceElement[] elements = cause.getStackTrace();
			List<StackFrameDescriptor> frames = StackFrameDescriptor.of(elements, enclosing.getStackTrace(),
					applicationCode, ThrowSiteLocals.of(cause, elements));
			causes.add(new CauseDescriptor(cause.getClass().getName(), cause.getMessage(), frames,
					elements.length - frames.size()));
			enclosing = cause;
		}
		return List.copyOf(causes);
	}

	/**
	 * One exception of the cause chain.
	 *
	 * @param type the fully qualified class name
	 * @param message the message, or {@code null}
	 * @param frames the frames it does not share with the exception it caused
	 * @param omittedFrames how many frames {@code frames} leaves out, most of them shared
	 * with the exception it caused
	 */
	public record CauseDescriptor(String type, @Nullable String message, List<StackFrameDescriptor> frames,
			int omittedFrames) {

	}

}

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

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.reload.ApplicationCode;

/**
 * One frame of a stack trace as the endpoint shows it.
 *
 * @param className the binary name of the class
 * @param method the method name
 * @param file the source file name, or {@code null} when unknown
 * @param line the line number, or a negative number when unknown
 * @param application whether the frame is the application's own code rather than
 * framework or JDK code
 * @param sourcePath the absolute path of the source file of an application frame, or
 * {@code null} when it is not found next to the class directory
 * @param locals for an application frame the exception has left, its local variables
 * (parameters included, {@code this} not) that held a value when it did, by name, with
 * their values rendered; otherwise {@code null}
 * @author hot-restart authors
 */
public record StackFrameDescriptor(String className, String method, @Nullable String file, int line,
		boolean application, @Nullable String sourcePath, @Nullable Map<String, String> locals) {

	static final int MAX_FRAMES = 256;

	static StackFrameDescriptor of(StackTraceElement element, ApplicationCode applicationCode,
			@Nullable Map<String, String> locals) {
		String className = element.getClassName();
		boolean application = applicationCode.contains(className);
		return new StackFrameDescriptor(className, element.getMethodName(), element.getFileName(),
				element.getLineNumber(), application,
				application ? applicationCode.sourcePath(className, element.getFileName()) : null,
				application ? locals : null);
	}

	/**
	 * Describe the frames of a stack trace that it does not share with the trace of the
	 * exception it caused, at most {@link #MAX_FRAMES}.
	 * @param trace the stack trace
	 * @param enclosingTrace the trace of the exception it caused, or an empty array
	 * @param applicationCode tells application frames from the others
	 * @param locals the local variables of each frame of {@code trace}, or {@code null}
	 * @return the frames
	 */
	static List<StackFrameDescriptor> of(StackTraceElement[] trace, StackTraceElement[] enclosingTrace,
			ApplicationCode applicationCode, List<@Nullable Map<String, String>> locals) {
		int own = trace.length - framesInCommon(trace, enclosingTrace);
		int count = Math.min(own, MAX_FRAMES);
		StackFrameDescriptor[] frames = new StackFrameDescriptor[count];
		for (int i = 0; i < count; i++) {
			frames[i] = of(trace[i], applicationCode, locals.get(i));
		}
		return List.of(frames);
	}

	static int framesInCommon(StackTraceElement[] trace, StackTraceElement[] enclosingTrace) {
		int m = trace.length - 1;
		int n = enclosingTrace.length - 1;
		while (m >= 0 && n >= 0 && trace[m].equals(enclosingTrace[n])) {
			m--;
			n--;
		}
		return trace.length - 1 - m;
	}

}

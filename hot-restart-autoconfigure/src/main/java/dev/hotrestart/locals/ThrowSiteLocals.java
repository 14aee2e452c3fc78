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

package dev.hotrestart.locals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The local variables of the frames of a stack trace, as they were when the exception
 * left each frame. Recorded frames are matched to the trace in order, by class and
 * method: the exception leaves its frames in the order of its trace, and frames it left
 * outside its trace (a helper that rethrew it) are skipped.
 * <p>
 * A frame has no locals ({@code null}) when the exception has not left it (the frames
 * above a parked call are still running), when its class was not instrumented yet, or
 * when capturing is off. Values are rendered the first time they are asked for, and stay
 * as rendered then. Thread-safe.
 *
 * @author hot-restart authors
 */
public final class ThrowSiteLocals {

	private ThrowSiteLocals() {
	}

	/**
	 * Return the local variables of each frame of a stack trace.
	 * @param exception the exception
	 * @param trace its stack trace, or the part of it to describe
	 * @return for each element of {@code trace}, its variables by name with their values
	 * rendered, or {@code null}
	 */
	public static List<@Nullable Map<String, String>> of(Throwable exception, StackTraceElement[] trace) {
		List<@Nullable Map<String, String>> locals = new ArrayList<>(Collections.nCopies(trace.length, null));
		if (!LocalsInstallation.isEnabled()) {
			return locals;
		}
		List<CapturedFrame> frames = CapturedFrames.INSTANCE.of(exception);
		int next = 0;
		for (int i = 0; i < trace.length && next < frames.size(); i++) {
			for (int candidate = next; candidate < frames.size(); candidate++) {
				CapturedFrame frame = frames.get(candidate);
				if (frame.isOf(trace[i].getClassName(), trace[i].getMethodName())) {
					locals.set(i, frame.rendered());
					next = candidate + 1;
					break;
				}
			}
		}
		return locals;
	}

}

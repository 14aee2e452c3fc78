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

/**
 * Called by instrumented application code, and only there, when an exception leaves one
 * of its methods: the method then stores the values of its variables into the array it
 * gets back. Never throws (but for errors of the JVM itself, which the calling code
 * catches to rethrow the original exception) and costs one small allocation per frame.
 * Thread-safe.
 *
 * @author hot-restart authors
 */
public final class ThrowSiteRecorder {

	private ThrowSiteRecorder() {
	}

	/**
	 * Record a frame an exception is leaving.
	 * @param exception the exception
	 * @param frame the frame's {@link FrameKey}, a constant of its class
	 * @param size the size of the method's array of variables
	 * @return the array for the frame to fill
	 */
	public static Object[] record(Throwable exception, String frame, int size) {
		Object[] values = new Object[size];
		if (LocalsInstallation.isEnabled()) {
			CapturedFrames.INSTANCE.add(exception, new CapturedFrame(frame, values));
		}
		return values;
	}

	/**
	 * Load and initialise every class recording uses, so that instrumented code never
	 * loads one while an exception unwinds (possibly with no stack left).
	 */
	static void prepare() {
		Throwable probe = new Throwable();
		CapturedFrames.INSTANCE.add(probe, new CapturedFrame("\n\n", new Object[0]));
		CapturedFrames.INSTANCE.of(probe);
	}

}

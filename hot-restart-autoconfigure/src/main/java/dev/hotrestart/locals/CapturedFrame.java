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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.park.ArgumentRenderer;

/**
 * One frame an exception has left: its {@link FrameKey} and the values of its variables,
 * filled in by the instrumented method.
 * <p>
 * The values are kept as they are until the frame is first rendered, which happens when a
 * parked failure is first described; then the text is kept and the values let go, so that
 * what is shown never changes and nothing of the application is held longer than needed.
 * Primitive values are boxed at the throw, so they show the value at that moment; objects
 * show their state when first rendered. Thread-safe: written by the throwing thread
 * before the exception reaches the code that parks it, rendered by whichever thread
 * describes it first.
 *
 * @author hot-restart authors
 */
final class CapturedFrame {

	private final String key;

	private Object @Nullable [] values;

	private @Nullable FrameKey parsed;

	private @Nullable Map<String, String> rendered;

	CapturedFrame(String key, Object[] values) {
		this.key = key;
		this.values = values;
	}

	/**
	 * Return whether this is a frame of the given method.
	 * @param className the binary class name, as in a stack trace
	 * @param method the method name, as in a stack trace
	 * @return whether class and method match
	 */
	synchronized boolean isOf(String className, String method) {
		FrameKey frame = frameKey();
		return frame.className().equals(className) && frame.method().equals(method);
	}

	/**
	 * Return the variables by name, in slot order, with their values rendered as
	 * arguments are ({@code toString()}, bounded).
	 * @return the rendered variables
	 */
	synchronized Map<String, String> rendered() {
		if (this.rendered == null) {
			FrameKey frame = frameKey();
			Object[] values = this.values;
			Map<String, String> rendered = new LinkedHashMap<>();
			for (int i = 0; i < frame.names().size(); i++) {
				int index = frame.indexes()[i];
				Object value = (values != null && index < values.length) ? values[index] : null;
				rendered.put(frame.names().get(i), ArgumentRenderer.render(value));
			}
			this.rendered = Collections.unmodifiableMap(rendered);
			this.values = null;
		}
		return this.rendered;
	}

	private FrameKey frameKey() {
		if (this.parsed == null) {
			try {
				this.parsed = FrameKey.parse(this.key);
			}
			catch (RuntimeException ex) {
				// Not written by this version of the instrumentation: matches no frame
				this.parsed = new FrameKey("", "", List.of(), new int[0]);
			}
		}
		return this.parsed;
	}

}

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

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Renders method arguments (and the local variables of failing frames) as bounded strings
 * for display. A {@code toString()} that throws, or one that returns something huge,
 * never breaks parking.
 *
 * @author hot-restart authors
 */
public final class ArgumentRenderer {

	static final int MAX_LENGTH = 1000;

	private static final int MAX_ARRAY_ELEMENTS = 20;

	private ArgumentRenderer() {
	}

	static List<String> render(@Nullable Object[] arguments) {
		List<String> rendered = new ArrayList<>(arguments.length);
		for (Object argument : arguments) {
			rendered.add(render(argument));
		}
		return List.copyOf(rendered);
	}

	/**
	 * Render one value: {@code "null"}, a bounded {@code toString()}, the first elements
	 * of an array, or which exception its {@code toString()} threw.
	 * @param argument the value
	 * @return the text, at most about {@value #MAX_LENGTH} characters
	 */
	public static String render(@Nullable Object argument) {
		if (argument == null) {
			return "null";
		}
		if (argument.getClass().isArray()) {
			return renderArray(argument);
		}
		return truncate(safeToString(argument));
	}

	private static String renderArray(Object array) {
		int length = Array.getLength(array);
		StringBuilder text = new StringBuilder(array.getClass().getComponentType().getSimpleName()).append('[')
			.append(length)
			.append("] {");
		for (int i = 0; i < Math.min(length, MAX_ARRAY_ELEMENTS); i++) {
			text.append((i > 0) ? ", " : "").append(render(Array.get(array, i)));
			if (text.length() > MAX_LENGTH) {
				break;
			}
		}
		text.append((length > MAX_ARRAY_ELEMENTS) ? ", ...}" : "}");
		return truncate(text.toString());
	}

	private static String safeToString(Object argument) {
		try {
			return String.valueOf(argument);
		}
		catch (Throwable ex) {
			return argument.getClass().getName() + " (toString() threw " + ex.getClass().getName() + ")";
		}
	}

	static String truncate(String text) {
		if (text.length() <= MAX_LENGTH) {
			return text;
		}
		return text.substring(0, MAX_LENGTH) + "... (" + (text.length() - MAX_LENGTH) + " more characters)";
	}

}

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
import java.util.List;

/**
 * Which frame a handler records, and where in its array each variable is: the string
 * constant instrumented code passes to {@link ThrowSiteRecorder#record}. A constant of
 * the class itself, so that recording a frame needs no lookup and no registry that would
 * outlive the class.
 * <p>
 * Format: {@code className\nmethodName\nname=index,name=index}, the variables in slot
 * order.
 *
 * @param className the binary name of the class
 * @param method the method's name, as in a stack trace
 * @param names the variables' names
 * @param indexes for each name, its index in the recorded array
 * @author hot-restart authors
 */
record FrameKey(String className, String method, List<String> names, int[] indexes) {

	/**
	 * Return the string form.
	 * @return the key as instrumented code passes it
	 */
	String format() {
		StringBuilder key = new StringBuilder(this.className).append('\n').append(this.method).append('\n');
		for (int i = 0; i < this.names.size(); i++) {
			key.append((i > 0) ? "," : "").append(this.names.get(i)).append('=').append(this.indexes[i]);
		}
		return key.toString();
	}

	/**
	 * Read a key.
	 * @param key the string form
	 * @return the key
	 * @throws IllegalArgumentException if the string is not a key
	 */
	static FrameKey parse(String key) {
		String[] parts = key.split("\n", -1);
		if (parts.length != 3) {
			throw new IllegalArgumentException("Not a frame key: " + key);
		}
		List<String> names = new ArrayList<>();
		List<Integer> indexes = new ArrayList<>();
		if (!parts[2].isEmpty()) {
			for (String variable : parts[2].split(",")) {
				int equals = variable.lastIndexOf('=');
				names.add(variable.substring(0, equals));
				indexes.add(Integer.parseInt(variable.substring(equals + 1)));
			}
		}
		return new FrameKey(parts[0], parts[1], List.copyOf(names),
				indexes.stream().mapToInt(Integer::intValue).toArray());
	}

}

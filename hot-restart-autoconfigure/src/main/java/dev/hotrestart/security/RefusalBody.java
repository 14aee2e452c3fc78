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

package dev.hotrestart.security;

import java.nio.charset.StandardCharsets;

/**
 * The JSON body of a refused request: {@code {"error": ..., "status": 403}}, its
 * {@code error} saying why and what to do. Escapes {@code <}, {@code >} and {@code &} as
 * well, so that the body cannot be taken for markup.
 *
 * @author hot-restart authors
 */
final class RefusalBody {

	private RefusalBody() {
	}

	/**
	 * Return the body for a refusal.
	 * @param refusal why the request is refused and what to do
	 * @return the body in UTF-8
	 */
	static byte[] of(String refusal) {
		return ("{\"error\":" + jsonString(refusal) + ",\"status\":403}").getBytes(StandardCharsets.UTF_8);
	}

	private static String jsonString(String value) {
		StringBuilder json = new StringBuilder(value.length() + 2).append('"');
		for (char character : value.toCharArray()) {
			switch (character) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (character < 0x20 || character == '<' || character == '>' || character == '&') {
						json.append(String.format("\\u%04x", (int) character));
					}
					else {
						json.append(character);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}

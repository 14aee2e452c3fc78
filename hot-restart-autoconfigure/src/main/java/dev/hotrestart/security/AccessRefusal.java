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
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a refused request: a status, and a JSON body {@code {"error": "..."}}
 * that says what happened and what to do.
 *
 * @param status {@code 403}, or {@code 429} while a client is throttled
 * @param message what happened and what to do
 * @param retryAfter for {@code 429}, how long until the client may try again
 * @author hot-restart authors
 */
public record AccessRefusal(int status, String message, @Nullable Duration retryAfter) {

	/**
	 * Return the body, {@code {"error":"..."}} in UTF-8.
	 * @return the body
	 */
	public byte[] body() {
		return ("{\"error\":" + jsonString(this.message) + "}").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Return the value of the {@code Retry-After} header, in whole seconds.
	 * @return the seconds, rounded up, or {@code null} when the status is not 429
	 */
	public @Nullable String retryAfterSeconds() {
		if (this.retryAfter == null) {
			return null;
		}
		long seconds = (this.retryAfter.toMillis() + 999) / 1000;
		return Long.toString(Math.max(1, seconds));
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

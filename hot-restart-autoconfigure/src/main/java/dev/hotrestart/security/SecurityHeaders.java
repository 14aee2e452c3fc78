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

import java.util.Map;

/**
 * The headers every answer of the endpoint and the console carries, refusals included: no
 * page of another origin may frame them (a framed console could be clicked into
 * continuing or aborting), no browser may guess a content type, and the console may load
 * nothing but its own files.
 *
 * @author hot-restart authors
 */
public final class SecurityHeaders {

	/**
	 * The Content Security Policy: the console's own scripts, styles and images only, no
	 * inline code, no frame ancestors.
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; "
			+ "base-uri 'none'; form-action 'none'";

	private static final Map<String, String> HEADERS = Map.of("X-Frame-Options", "DENY", "X-Content-Type-Options",
			"nosniff", "Content-Security-Policy", CONTENT_SECURITY_POLICY);

	private SecurityHeaders() {
	}

	/**
	 * Return the headers, by name.
	 * @return the names and values
	 */
	public static Map<String, String> all() {
		return HEADERS;
	}

}

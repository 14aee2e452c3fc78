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

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.connection.ClientAddress;

/**
 * What the {@link AccessRules} look at in a request, whichever web stack received it.
 *
 * @param method the HTTP method
 * @param scheme the scheme the server reports, {@code http} or {@code https}
 * @param localPort the port the request arrived on
 * @param client where the client is, judged by the connection's peer
 * @param headers the request's headers
 * @author hot-restart authors
 */
public record AccessRequest(String method, String scheme, int localPort, ClientAddress client, Headers headers) {

	/**
	 * Return the first value of a header.
	 * @param name the header name
	 * @return the value, or {@code null} when the header is absent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.values(name);
		return values.isEmpty() ? null : values.get(0);
	}

	/**
	 * The headers of a request.
	 */
	@FunctionalInterface
	public interface Headers {

		/**
		 * Return every value of a header, in the order received.
		 * @param name the header name, matched without regard to case
		 * @return the values, empty when the header is absent
		 */
		List<String> values(String name);

	}

}

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

import org.jspecify.annotations.Nullable;

/**
 * What the {@link AccessRules} look at in a request, whatever the web stack: the methods
 * are named as on a servlet request. {@link ServletAccessRequest} adapts a servlet
 * request, {@link ReactiveAccessRequest} a WebFlux one.
 *
 * @author hot-restart authors
 */
public interface AccessRequest {

	/**
	 * Return the first value of a request header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} if the request has no such header
	 */
	@Nullable String getHeader(String name);

	/**
	 * Return the address of the client, as an IP literal: the connection's peer, judged
	 * without trusting forwarded headers.
	 * @return the address, or {@code null} if it is unknown
	 */
	@Nullable String getRemoteAddr();

	/**
	 * Return the port the request was received on.
	 * @return the local port
	 */
	int getLocalPort();

	/**
	 * Return the HTTP method.
	 * @return the method, such as {@code POST}
	 */
	String getMethod();

	/**
	 * Return the scheme of the request.
	 * @return {@code http} or {@code https}
	 */
	String getScheme();

}

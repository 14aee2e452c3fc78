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

import jakarta.servlet.http.HttpServletRequest;

import dev.hotrestart.connection.ClientConnections;

/**
 * Describes a servlet request for the {@link AccessRules}. Its headers are read from the
 * server's own request, under any wrapper: Spring's {@code ForwardedHeaderFilter} hides
 * forwarded headers from the requests it wraps.
 *
 * @author hot-restart authors
 */
final class ServletAccessRequests {

	private ServletAccessRequests() {
	}

	static AccessRequest of(HttpServletRequest request) {
		HttpServletRequest serverRequest = (ClientConnections.serverRequest(request) instanceof HttpServletRequest http)
				? http : request;
		return new AccessRequest(request.getMethod(), request.getScheme(), request.getLocalPort(),
				ClientConnections.clientAddress(request), (name) -> ClientConnections.headers(serverRequest, name));
	}

}

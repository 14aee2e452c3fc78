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

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

import dev.hotrestart.connection.ReactiveClientConnections;

/**
 * Describes a WebFlux request for the {@link AccessRules}: its client judged by the
 * connection's real peer, its headers as they arrived at the server (see
 * {@link ReactiveClientConnections}).
 *
 * @author hot-restart authors
 */
final class ReactiveAccessRequests {

	private ReactiveAccessRequests() {
	}

	static AccessRequest of(ServerHttpRequest request) {
		InetSocketAddress local = request.getLocalAddress();
		String scheme = request.getURI().getScheme();
		return new AccessRequest(request.getMethod().name(), (scheme != null) ? scheme : "http",
				(local != null) ? local.getPort() : request.getURI().getPort(),
				ReactiveClientConnections.clientAddress(request),
				(name) -> ReactiveClientConnections.headers(request, name));
	}

}

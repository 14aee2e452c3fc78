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

package dev.hotrestart.connection;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Finds the {@link ClientConnection} of a servlet request and judges where its client is.
 * On Tomcat, the {@link ClientConnectionValve} puts the connection in a request
 * attribute; on Jetty, the request's end point tells it. Another server cannot tell the
 * peer, and its requests are judged by the address it reports (see
 * {@link ClientAddress}). Filters that rewrite the client address from forwarded headers
 * (Spring's {@code ForwardedHeaderFilter}) wrap the request; this looks under every
 * wrapper, at the server's own request. Thread-safe.
 *
 * @author hot-restart authors
 */
public final class ClientConnections {

	/**
	 * The request attribute under which a server integration puts the request's
	 * {@link ClientConnection}.
	 */
	public static final String ATTRIBUTE = ClientConnection.class.getName();

	private static final boolean JETTY_PRESENT = ClassUtils
		.isPresent("org.eclipse.jetty.ee11.servlet.ServletContextRequest", ClientConnections.class.getClassLoader());

	private ClientConnections() {
	}

	/**
	 * Return the connection a request arrived on.
	 * @param request the request, possibly wrapped
	 * @return the connection, or {@code null} when the server cannot tell it
	 */
	public static @Nullable ClientConnection of(ServletRequest request) {
		ServletRequest serverRequest = serverRequest(request);
		if (serverRequest.getAttribute(ATTRIBUTE) instanceof ClientConnection connection) {
			return connection;
		}
		return JETTY_PRESENT ? JettyClientConnection.of(serverRequest) : null;
	}

	/**
	 * Judge where the client of a request is.
	 * @param request the request, possibly wrapped
	 * @return where the client is
	 */
	public static ClientAddress clientAddress(HttpServletRequest request) {
		HttpServletRequest serverRequest = (serverRequest(request) instanceof HttpServletRequest http) ? http : request;
		ClientConnection connection = of(serverRequest);
		List<String> forwardedFor = (connection != null) ? connection.forwardedFor() : null;
		return ClientAddress.judge((connection != null) ? connection.peerAddress() : null,
				serverRequest.getRemoteAddr(),
				(forwardedFor != null) ? forwardedFor : ForwardedFor.addresses((name) -> headers(serverRequest, name)));
	}

	/**
	 * Return the values of a header of a servlet request.
	 * @param request the request
	 * @param name the header name
	 * @return the values, empty when there are none
	 */
	public static List<String> headers(HttpServletRequest request, String name) {
		Enumeration<String> values = request.getHeaders(name);
		return (values != null) ? Collections.list(values) : List.of();
	}

	/**
	 * Return the request the server created, under every wrapper.
	 * @param request the request, possibly wrapped
	 * @return the innermost request
	 */
	public static ServletRequest serverRequest(ServletRequest request) {
		ServletRequest current = request;
		while (current instanceof ServletRequestWrapper wrapper) {
			current = wrapper.getRequest();
		}
		return current;
	}

}

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

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.hotrestart.connection.ClientAddress;
import dev.hotrestart.connection.ClientConnection;
import dev.hotrestart.connection.ClientConnections;

/**
 * The HTTP method and URI of the web request a parked call was serving, and where its
 * client is.
 *
 * @param method the HTTP method, for example {@code GET}
 * @param uri the request URI with its query string
 * @param clientAddress the client's address, judged by the connection's peer rather than
 * by forwarded headers (see {@link ClientAddress}), or {@code null} when unknown
 * @param remote whether the request came from another host
 * @author hot-restart authors
 */
public record WebRequestLine(String method, String uri, @Nullable String clientAddress, boolean remote) {

	private static final boolean SERVLET_WEB_PRESENT = ClassUtils.isPresent(
			"org.springframework.web.context.request.RequestContextHolder", WebRequestLine.class.getClassLoader())
			&& ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest", WebRequestLine.class.getClassLoader());

	/**
	 * Create a request line of a client whose address is unknown.
	 * @param method the HTTP method, for example {@code GET}
	 * @param uri the request URI with its query string
	 */
	public WebRequestLine(String method, String uri) {
		this(method, uri, null, false);
	}

	/**
	 * Return the request line of the servlet request bound to the current thread.
	 * @return the request line, or {@code null} when the thread serves no web request
	 */
	public static @Nullable WebRequestLine ofCurrentRequest() {
		return SERVLET_WEB_PRESENT ? ServletRequests.current() : null;
	}

	/**
	 * Return the connection of the servlet request bound to the current thread.
	 * @return the connection, or {@code null} when the thread serves no web request or
	 * the server cannot tell it
	 */
	public static @Nullable ClientConnection currentConnection() {
		return SERVLET_WEB_PRESENT ? ServletRequests.connection() : null;
	}

	@Override
	public String toString() {
		return this.method + " " + this.uri;
	}

	/**
	 * Isolates the servlet types so that this class loads without them.
	 */
	private static final class ServletRequests {

		static @Nullable WebRequestLine current() {
			HttpServletRequest request = request();
			if (request == null) {
				return null;
			}
			String query = request.getQueryString();
			String uri = (query != null) ? request.getRequestURI() + "?" + query : request.getRequestURI();
			ClientAddress client = ClientConnections.clientAddress(request);
			return new WebRequestLine(request.getMethod(), uri, client.address(), !client.thisMachine());
		}

		static @Nullable ClientConnection connection() {
			HttpServletRequest request = request();
			return (request != null) ? ClientConnections.of(request) : null;
		}

		private static @Nullable HttpServletRequest request() {
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			return (attributes instanceof ServletRequestAttributes servletAttributes) ? servletAttributes.getRequest()
					: null;
		}

	}

}

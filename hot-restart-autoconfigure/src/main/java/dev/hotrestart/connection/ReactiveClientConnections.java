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

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;

/**
 * Judges where the client of a WebFlux request is, by the connection's real peer, as
 * {@link ClientConnections} does for a servlet request. A WebFlux request's
 * {@link ServerHttpRequest#getRemoteAddress() remote address} is rewritten from forwarded
 * headers by Spring's {@code ForwardedHeaderTransformer}
 * ({@code server.forward-headers-strategy=framework}, which also removes those headers)
 * and by Reactor Netty itself ({@code native}) before any web filter runs; this looks at
 * the server's own request instead. On Reactor Netty, the peer is the connection's
 * channel's; on a servlet container, {@link ClientConnections} tells it. Another server
 * cannot tell the peer, and its requests are judged by the address it reports (see
 * {@link ClientAddress}). Thread-safe.
 *
 * @author hot-restart authors
 */
public final class ReactiveClientConnections {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils
		.isPresent("reactor.netty.http.server.HttpServerRequest", ReactiveClientConnections.class.getClassLoader());

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			ReactiveClientConnections.class.getClassLoader());

	private ReactiveClientConnections() {
	}

	/**
	 * Judge where the client of a request is.
	 * @param request the request, possibly rewritten from forwarded headers
	 * @return where the client is
	 */
	public static ClientAddress clientAddress(ServerHttpRequest request) {
		Object nativeRequest = nativeRequest(request);
		if (REACTOR_NETTY_PRESENT && NettyRequests.is(nativeRequest)) {
			return NettyRequests.clientAddress(nativeRequest);
		}
		if (SERVLET_PRESENT && ServletRequests.is(nativeRequest)) {
			return ServletRequests.clientAddress(nativeRequest);
		}
		return ClientAddress.judge(null, literal(request.getRemoteAddress()),
				ForwardedFor.addresses((name) -> request.getHeaders().getOrEmpty(name)));
	}

	/**
	 * Return the values of a header as the request arrived at the server, before
	 * forwarded headers were removed.
	 * @param request the request, possibly rewritten from forwarded headers
	 * @param name the header name
	 * @return the values, empty when there are none
	 */
	public static List<String> headers(ServerHttpRequest request, String name) {
		Object nativeRequest = nativeRequest(request);
		if (REACTOR_NETTY_PRESENT && NettyRequests.is(nativeRequest)) {
			return NettyRequests.headers(nativeRequest, name);
		}
		if (SERVLET_PRESENT && ServletRequests.is(nativeRequest)) {
			return ServletRequests.headers(nativeRequest, name);
		}
		return request.getHeaders().getOrEmpty(name);
	}

	private static @Nullable Object nativeRequest(ServerHttpRequest request) {
		try {
			return ServerHttpRequestDecorator.getNativeRequest(request);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String literal(@Nullable SocketAddress address) {
		if (address instanceof InetSocketAddress inet) {
			return (inet.getAddress() != null) ? inet.getAddress().getHostAddress() : inet.getHostString();
		}
		return String.valueOf(address);
	}

	/**
	 * Isolates the Reactor Netty types so that this class loads without them.
	 */
	private static final class NettyRequests {

		static boolean is(@Nullable Object nativeRequest) {
			return nativeRequest instanceof reactor.netty.http.server.HttpServerRequest
					&& nativeRequest instanceof reactor.netty.Connection;
		}

		static ClientAddress clientAddress(Object nativeRequest) {
			reactor.netty.http.server.HttpServerRequest request = (reactor.netty.http.server.HttpServerRequest) nativeRequest;
			// The channel's address is the socket's; forwarded headers never change it
			SocketAddress peer = ((reactor.netty.Connection) nativeRequest).channel().remoteAddress();
			return ClientAddress.judge((peer != null) ? literal(peer) : null, literal(request.remoteAddress()),
					ForwardedFor.addresses((name) -> headers(nativeRequest, name)));
		}

		static List<String> headers(Object nativeRequest, String name) {
			return ((reactor.netty.http.server.HttpServerRequest) nativeRequest).requestHeaders().getAll(name);
		}

	}

	/**
	 * Isolates the servlet types so that this class loads without them: WebFlux on a
	 * servlet container.
	 */
	private static final class ServletRequests {

		static boolean is(@Nullable Object nativeRequest) {
			return nativeRequest instanceof HttpServletRequest;
		}

		static ClientAddress clientAddress(Object nativeRequest) {
			return ClientConnections.clientAddress((HttpServletRequest) nativeRequest);
		}

		static List<String> headers(Object nativeRequest, String name) {
			HttpServletRequest request = (HttpServletRequest) nativeRequest;
			HttpServletRequest serverRequest = (ClientConnections
				.serverRequest(request) instanceof HttpServletRequest http) ? http : request;
			return ClientConnections.headers(serverRequest, name);
		}

	}

}

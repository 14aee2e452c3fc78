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
import java.net.SocketAddress;
import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;

/**
 * A WebFlux request as the {@link AccessRules} see it. The remote address is judged by
 * the connection's real peer: {@link ServerHttpRequest#getRemoteAddress()} is rewritten
 * from forwarded headers by Spring's {@code ForwardedHeaderTransformer}
 * ({@code server.forward-headers-strategy=framework}) and by Reactor Netty itself
 * ({@code native}), before any web filter runs. When the client that forwarded headers
 * name is not a loopback address either, that one is reported, so that a local proxy does
 * not open hot restart to the clients it forwards.
 *
 * @param request the request
 * @author hot-restart authors
 */
record ReactiveAccessRequest(ServerHttpRequest request) implements AccessRequest {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.Connection",
			ReactiveAccessRequest.class.getClassLoader());

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.ServletRequest",
			ReactiveAccessRequest.class.getClassLoader());

	@Override
	public @Nullable String getHeader(String name) {
		return this.request.getHeaders().getFirst(name);
	}

	@Override
	public @Nullable String getRemoteAddr() {
		String peer = connectionPeer(this.request);
		String reported = literal(this.request.getRemoteAddress());
		if (peer == null) {
			return reported;
		}
		boolean forwardedFromElsewhere = reported != null && !LoopbackAddresses.isLoopbackAddress(reported);
		return (LoopbackAddresses.isLoopbackAddress(peer) && forwardedFromElsewhere) ? reported : peer;
	}

	@Override
	public int getLocalPort() {
		InetSocketAddress local = this.request.getLocalAddress();
		return (local != null) ? local.getPort() : this.request.getURI().getPort();
	}

	@Override
	public String getMethod() {
		return this.request.getMethod().name();
	}

	@Override
	public String getScheme() {
		URI uri = this.request.getURI();
		return (uri.getScheme() != null) ? uri.getScheme() : "http";
	}

	/**
	 * Return the address of the peer of the request's connection, from the server's own
	 * request object.
	 * @param request the request, possibly rewritten from forwarded headers
	 * @return the peer's address literal, or {@code null} if the server is not one whose
	 * connection can be read
	 */
	static @Nullable String connectionPeer(ServerHttpRequest request) {
		Object nativeRequest;
		try {
			nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (REACTOR_NETTY_PRESENT && NettyConnections.is(nativeRequest)) {
			return literal(NettyConnections.peer(nativeRequest));
		}
		if (SERVLET_PRESENT && ServletRequests.is(nativeRequest)) {
			return ServletRequests.peer(nativeRequest);
		}
		return null;
	}

	private static @Nullable String literal(@Nullable SocketAddress address) {
		if (!(address instanceof InetSocketAddress inet)) {
			return (address != null) ? address.toString() : null;
		}
		return (inet.getAddress() != null) ? inet.getAddress().getHostAddress() : inet.getHostString();
	}

	/**
	 * Isolates the Reactor Netty types so that this class loads without them.
	 */
	private static final class NettyConnections {

		static boolean is(Object nativeRequest) {
			return nativeRequest instanceof reactor.netty.Connection;
		}

		static SocketAddress peer(Object nativeRequest) {
			// The channel's address is the socket's; forwarded headers never change it
			return ((reactor.netty.Connection) nativeRequest).channel().remoteAddress();
		}

	}

	/**
	 * Isolates the servlet types so that this class loads without them: WebFlux on a
	 * servlet container (Tomcat, Jetty).
	 */
	private static final class ServletRequests {

		static boolean is(Object nativeRequest) {
			return nativeRequest instanceof jakarta.servlet.ServletRequest;
		}

		static String peer(Object nativeRequest) {
			return ((jakarta.servlet.ServletRequest) nativeRequest).getRemoteAddr();
		}

	}

}

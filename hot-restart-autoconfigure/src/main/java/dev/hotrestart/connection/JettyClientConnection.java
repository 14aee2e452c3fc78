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

import jakarta.servlet.ServletRequest;
import org.eclipse.jetty.ee11.servlet.ServletApiRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.jspecify.annotations.Nullable;

/**
 * The connection of a request on Jetty, told by its end point: Jetty's
 * {@code ForwardedRequestCustomizer} rewrites the address the request reports, not the
 * end point's. Jetty does not watch a connection while a thread serves its request, and
 * looking would consume what the client sends next, so whether the client has gone cannot
 * be told. Touched only when Jetty is present.
 *
 * @author hot-restart authors
 */
final class JettyClientConnection implements ClientConnection {

	private final String peerAddress;

	private JettyClientConnection(String peerAddress) {
		this.peerAddress = peerAddress;
	}

	static @Nullable ClientConnection of(ServletRequest request) {
		// Jetty on the class path does not mean Jetty serves the request
		if (!(request instanceof ServletApiRequest)) {
			return null;
		}
		ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
		if (jettyRequest == null) {
			return null;
		}
		Connection connection = jettyRequest.getConnectionMetaData().getConnection();
		EndPoint endPoint = (connection != null) ? connection.getEndPoint() : null;
		SocketAddress remote = (endPoint != null) ? endPoint.getRemoteSocketAddress() : null;
		if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
			return new JettyClientConnection(inet.getAddress().getHostAddress());
		}
		return null;
	}

	@Override
	public String peerAddress() {
		return this.peerAddress;
	}

}

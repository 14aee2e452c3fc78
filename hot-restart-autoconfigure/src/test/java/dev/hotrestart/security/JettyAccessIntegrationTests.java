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

import java.io.IOException;
import java.net.InetAddress;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hotrestart.testsupport.HotRestartClient;
import dev.hotrestart.testsupport.HotRestartClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the access filter on a real Jetty server that honours forwarded
 * headers, as Spring Boot configures it for
 * {@code server.forward-headers-strategy=native}: Jetty rewrites the client address from
 * {@code X-Forwarded-For} of any peer, and hot restart judges by the connection's end
 * point instead.
 */
class JettyAccessIntegrationTests {

	private Server server;

	private int port;

	@BeforeEach
	void startJetty() throws Exception {
		this.server = new Server();
		HttpConfiguration configuration = new HttpConfiguration();
		configuration.addCustomizer(new ForwardedRequestCustomizer());
		ServerConnector connector = new ServerConnector(this.server, new HttpConnectionFactory(configuration));
		connector.setPort(0);
		this.server.addConnector(connector);
		ServletContextHandler context = new ServletContextHandler();
		context.addFilter(new FilterHolder(new HotRestartAccessFilter(new AccessRules(null))), "/actuator/hotrestart/*",
				EnumSet.of(DispatcherType.REQUEST));
		context.addServlet(new ServletHolder(new ClientAddressServlet()), "/*");
		this.server.setHandler(context);
		this.server.start();
		this.port = connector.getLocalPort();
	}

	@AfterEach
	void stopJetty() throws Exception {
		this.server.stop();
	}

	@Test
	void anotherHostClaimingToBeThisMachineIsRefused() throws Exception {
		InetAddress address = HotRestartClient.requireNonLoopbackAddress();
		String headers = "\r\nHost: localhost:" + this.port + "\r\nX-Forwarded-For: 127.0.0.1";
		assertThat(HotRestartClient.sendRaw(address, this.port, "GET /client-address HTTP/1.1" + headers).body())
			.as("Jetty believes the forged address")
			.isEqualTo("127.0.0.1");
		RawResponse response = HotRestartClient.sendRaw(address, this.port,
				"GET /actuator/hotrestart HTTP/1.1" + headers);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("came from " + address.getHostAddress());
	}

	@Test
	void thisMachineIsKnownByItsEndPointEvenWhenItNamesAForwardedClient() throws Exception {
		RawResponse local = HotRestartClient.sendRaw(this.port,
				"GET /actuator/hotrestart HTTP/1.1\r\nHost: localhost:" + this.port + "\r\nX-Forwarded-For: 127.0.0.1");
		assertThat(local.status()).as("a proxy on this machine forwarding for this machine").isEqualTo(200);
		RawResponse proxied = HotRestartClient.sendRaw(this.port,
				"GET /actuator/hotrestart HTTP/1.1\r\nHost: localhost:" + this.port
						+ "\r\nX-Forwarded-For: 198.51.100.7");
		assertThat(proxied.status()).as("a proxy on this machine forwarding for another host").isEqualTo(403);
	}

	/**
	 * Answers every request with the client address Jetty reports.
	 */
	static class ClientAddressServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setContentType("text/plain");
			response.getWriter().print(request.getRemoteAddr());
		}

	}

}

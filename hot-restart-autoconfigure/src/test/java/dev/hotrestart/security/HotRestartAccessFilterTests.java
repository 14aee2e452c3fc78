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
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.CoyoteAdapter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ForwardedHeaderFilter;

import dev.hotrestart.connection.ClientConnection;
import dev.hotrestart.connection.ClientConnectionValve;
import dev.hotrestart.connection.ClientConnections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartAccessFilter} with requests from chosen addresses: behind
 * Spring's {@code ForwardedHeaderFilter}, behind Tomcat's {@code RemoteIpValve}, and on a
 * server that cannot tell the peer. They need no second network address.
 *
 * @author hot-restart authors
 */
class HotRestartAccessFilterTests {

	private final HotRestartAccessFilter filter = new HotRestartAccessFilter(new AccessRules(null));

	@Test
	void requestFromThisMachinePassesWithTheSecurityHeaders() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request("127.0.0.1"), response, chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'",
				"default-src 'self'");
	}

	@Test
	void requestFromAnotherAddressIsRefusedWithAJsonErrorAndTheSecurityHeaders() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request("192.0.2.9"), response, chain);
		assertThat(chain.getRequest()).as("went no further").isNull();
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getContentAsString()).startsWith("{\"error\":\"").contains("came from 192.0.2.9");
	}

	@Test
	void clientConnectionOfTheServerDecidesOverTheReportedAddress() throws Exception {
		MockHttpServletRequest forged = request("127.0.0.1");
		forged.setAttribute(ClientConnections.ATTRIBUTE, (ClientConnection) () -> "192.0.2.9");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(forged, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("came from 192.0.2.9");
	}

	@Test
	void withoutTheServersWordAForwardedClientIsRefused() throws Exception {
		MockHttpServletRequest forwarded = request("127.0.0.1");
		forwarded.addHeader("X-Forwarded-For", "127.0.0.1");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(forwarded, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("forwarded header");
	}

	@Test
	void behindForwardedHeaderFilterTheClaimedClientDoesNotCount() throws Exception {
		MockHttpServletRequest forged = request("192.0.2.9");
		// As the server tells it (on Tomcat, the ClientConnectionValve)
		forged.setAttribute(ClientConnections.ATTRIBUTE, (ClientConnection) () -> "192.0.2.9");
		forged.addHeader("X-Forwarded-For", "127.0.0.1");
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<String> believed = new AtomicReference<>();
		new ForwardedHeaderFilter().doFilter(forged, response, (request, answer) -> {
			believed.set(request.getRemoteAddr());
			this.filter.doFilter(request, answer, new MockFilterChain());
		});
		assertThat(believed).as("Spring's filter believes the claim").hasValue("127.0.0.1");
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("came from 192.0.2.9");
	}

	@Test
	void behindTomcatsRemoteIpValveTheConnectionsPeerDecides() throws Exception {
		assertThat(throughTomcatValves("192.0.2.9", "127.0.0.1")).isEqualTo(new Outcome("127.0.0.1", 403, false));
		assertThat(throughTomcatValves("127.0.0.1", "127.0.0.1")).isEqualTo(new Outcome("127.0.0.1", 200, true));
		assertThat(throughTomcatValves("127.0.0.1", "198.51.100.7, 127.0.0.1"))
			.as("a proxy on this machine forwarding for another host")
			.isEqualTo(new Outcome("198.51.100.7", 403, false));
	}

	/**
	 * Run a request from {@code peer}, with {@code forwardedFor}, through Tomcat's valves
	 * as Spring Boot installs them for the native strategy, trusting every address as a
	 * proxy, into the filter.
	 */
	private Outcome throughTomcatValves(String peer, String forwardedFor) throws Exception {
		org.apache.coyote.Request coyoteRequest = new org.apache.coyote.Request();
		coyoteRequest.peerAddr().setString(peer);
		coyoteRequest.remoteAddr().setString(peer);
		coyoteRequest.method().setString("GET");
		coyoteRequest.requestURI().setString("/actuator/hotrestart");
		coyoteRequest.protocol().setString("HTTP/1.1");
		coyoteRequest.scheme().setString("http");
		coyoteRequest.getMimeHeaders().addValue("Host").setString("localhost:8080");
		coyoteRequest.getMimeHeaders().addValue("X-Forwarded-For").setString(forwardedFor);
		org.apache.coyote.Response coyoteResponse = new org.apache.coyote.Response();
		coyoteResponse.setOutputBuffer(new DiscardingOutputBuffer());
		coyoteRequest.setResponse(coyoteResponse);
		Request request = new Request(new Connector("HTTP/1.1"), coyoteRequest);
		Response response = new Response(coyoteResponse);
		request.setResponse(response);
		response.setRequest(request);
		coyoteRequest.setNote(CoyoteAdapter.ADAPTER_NOTES, request);
		coyoteResponse.setNote(CoyoteAdapter.ADAPTER_NOTES, response);

		ClientConnectionValve connectionValve = new ClientConnectionValve();
		RemoteIpValve remoteIpValve = new RemoteIpValve();
		remoteIpValve.setInternalProxies(".*");
		FilterValve filterValve = new FilterValve(this.filter);
		connectionValve.setNext(remoteIpValve);
		remoteIpValve.setNext(filterValve);
		connectionValve.invoke(request, response);
		return new Outcome(filterValve.believed, response.getStatus(), filterValve.passed);
	}

	private static MockHttpServletRequest request(String remoteAddress) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/hotrestart");
		request.setRemoteAddr(remoteAddress);
		request.setServerPort(8080);
		request.setLocalPort(8080);
		request.addHeader("Host", "localhost:8080");
		return request;
	}

	/**
	 * What became of a request: the address the server believed, the status, and whether
	 * it passed the filter.
	 */
	record Outcome(String believed, int status, boolean passed) {

	}

	/**
	 * Where Tomcat writes a response body when no connection takes it.
	 */
	static final class DiscardingOutputBuffer implements org.apache.coyote.OutputBuffer {

		private long written;

		@Override
		public int doWrite(ByteBuffer chunk) {
			int length = chunk.remaining();
			chunk.position(chunk.limit());
			this.written += length;
			return length;
		}

		@Override
		public long getBytesWritten() {
			return this.written;
		}

	}

	/**
	 * The end of a valve chain: the filter, in front of a chain that records whether the
	 * request got through.
	 */
	static final class FilterValve extends ValveBase {

		private final HotRestartAccessFilter filter;

		private String believed;

		private boolean passed;

		FilterValve(HotRestartAccessFilter filter) {
			this.filter = filter;
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			HttpServletRequest servletRequest = request.getRequest();
			this.believed = servletRequest.getRemoteAddr();
			HttpServletResponse servletResponse = response.getResponse();
			FilterChain chain = (ServletRequest passedRequest, jakarta.servlet.ServletResponse passedResponse) -> {
				this.passed = true;
				servletResponse.setStatus(200);
			};
			this.filter.doFilter(servletRequest, servletResponse, chain);
		}

	}

}

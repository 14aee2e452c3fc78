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

import java.net.InetAddress;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.testapp.TestApplication;
import dev.hotrestart.testsupport.HotRestartClient;
import dev.hotrestart.testsupport.HotRestartClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for forged forwarded headers: whatever the server makes of
 * {@code X-Forwarded-For}, hot restart judges a request by the connection's real peer.
 * Every case first shows that the server itself believes the forged client, so that the
 * refusal is hot restart's own doing. Tomcat trusts every private address range as a
 * proxy by default; the tests trust every address, so that this machine's own address
 * plays the part of a host on the LAN.
 */
class ForwardedHeadersAccessIntegrationTests {

	abstract static class ForgedForwardedHeaders {

		@LocalServerPort
		private int port;

		@Test
		void anotherHostClaimingToBeThisMachineIsRefused() throws Exception {
			InetAddress address = HotRestartClient.requireNonLoopbackAddress();
			for (String forged : List.of("127.0.0.1", "127.0.0.1, 10.9.9.9")) {
				String headers = "\r\nHost: localhost:" + this.port + "\r\nX-Forwarded-For: " + forged;
				RawResponse believed = HotRestartClient.sendRaw(address, this.port,
						"GET /client-address HTTP/1.1" + headers);
				assertThat(believed.body()).as("the server believes " + forged).isEqualTo("127.0.0.1");
				for (String request : List.of("GET /actuator/hotrestart", "GET /hot-restart/",
						"POST /actuator/hotrestart/auto-continue/on")) {
					RawResponse response = HotRestartClient.sendRaw(address, this.port,
							request + " HTTP/1.1" + headers + "\r\nContent-Length: 0");
					assertThat(response.status()).as(request + " with X-Forwarded-For: " + forged).isEqualTo(403);
					assertThat(JsonPath.<String>read(response.body(), "$.error")).as(request)
						.contains("only requests from this machine", "came from " + address.getHostAddress());
				}
			}
		}

		@Test
		void clientOfAProxyOnThisMachineIsJudgedByTheAddressTheProxyForwards() throws Exception {
			RawResponse response = HotRestartClient.sendRaw(this.port,
					"GET /actuator/hotrestart HTTP/1.1\r\nHost: localhost:" + this.port
							+ "\r\nX-Forwarded-For: 127.0.0.1, 198.51.100.7");
			assertThat(response.status()).isEqualTo(403);
			assertThat(JsonPath.<String>read(response.body(), "$.error")).contains("198.51.100.7", "proxy");
		}

		@Test
		void requestsFromThisMachineStillPass() throws Exception {
			for (String forwarded : List.of("", "\r\nX-Forwarded-For: 127.0.0.1", "\r\nForwarded: for=\"[::1]\"")) {
				RawResponse response = HotRestartClient.sendRaw(this.port,
						"GET /actuator/hotrestart HTTP/1.1\r\nHost: localhost:" + this.port + forwarded);
				assertThat(response.status()).as(forwarded).isEqualTo(200);
			}
		}

	}

	@Nested
	@SpringBootTest(classes = { TestApplication.class, ClientAddressController.class },
			webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "hot-restart.enabled=true", "server.forward-headers-strategy=native",
					"server.tomcat.remoteip.internal-proxies=.*", "spring.main.banner-mode=off" })
	class NativeStrategy extends ForgedForwardedHeaders {

	}

	@Nested
	@SpringBootTest(classes = { TestApplication.class, ClientAddressController.class },
			webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "hot-restart.enabled=true",
					"server.forward-headers-strategy=framework", "spring.main.banner-mode=off" })
	class FrameworkStrategy extends ForgedForwardedHeaders {

	}

	/**
	 * On a detected cloud platform (Kubernetes sets {@code KUBERNETES_SERVICE_HOST} and
	 * {@code KUBERNETES_SERVICE_PORT}), Spring Boot turns the native strategy on by
	 * itself.
	 */
	@Nested
	@SpringBootTest(classes = { TestApplication.class, ClientAddressController.class },
			webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "hot-restart.enabled=true", "spring.main.cloud-platform=kubernetes",
					"server.tomcat.remoteip.internal-proxies=.*", "spring.main.banner-mode=off" })
	class KubernetesPlatform extends ForgedForwardedHeaders {

	}

}

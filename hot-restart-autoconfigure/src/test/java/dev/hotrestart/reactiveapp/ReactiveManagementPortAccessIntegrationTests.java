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

package dev.hotrestart.reactiveapp;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the access rules of a WebFlux application whose endpoint Actuator
 * serves on a management port of its own.
 */
@SpringBootTest(classes = ReactiveTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hot-restart.enabled=true",
				"management.server.port=0", "spring.main.banner-mode=off" })
@Timeout(90)
class ReactiveManagementPortAccessIntegrationTests {

	@LocalManagementPort
	private int managementPort;

	@LocalServerPort
	private int port;

	@Test
	void endpointOnTheManagementPortIsGuardedToo() throws Exception {
		assertThat(new HotRestartClient(this.managementPort).get("/actuator/hotrestart").statusCode()).isEqualTo(200);
		HotRestartClient.RawResponse rebound = HotRestartClient.sendRaw(this.managementPort,
				"GET /actuator/hotrestart HTTP/1.1\r\nHost: evil.example");
		assertThat(rebound.status()).isEqualTo(403);
		assertThat(new HotRestartClient(this.port).get("/hot-restart/").statusCode())
			.as("no console without the endpoint on the main port")
			.isEqualTo(404);
		InetAddress address = HotRestartClient.requireNonLoopbackAddress();
		HttpResponse<String> remote = new HotRestartClient(
				URI.create("http://" + address.getHostAddress() + ":" + this.managementPort))
			.get("/actuator/hotrestart");
		assertThat(remote.statusCode()).isEqualTo(403);
	}

}

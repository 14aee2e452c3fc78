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
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.testapp.TestApplication;
import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Integration tests for remote access with {@code hot-restart.remote.secret}, from a
 * non-loopback address of this machine.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hot-restart.enabled=true",
				"hot-restart.remote.secret=" + RemoteSecretAccessIntegrationTests.SECRET,
				"spring.main.banner-mode=off" })
class RemoteSecretAccessIntegrationTests {

	static final String SECRET = "s3cret-for-the-vm";

	@LocalServerPort
	private int port;

	private HotRestartClient client;

	private HotRestartClient remote;

	@BeforeEach
	void createClients() throws Exception {
		InetAddress address = HotRestartClient.nonLoopbackAddress();
		assumeTrue(address != null, "This machine has no non-loopback IPv4 address to send a request from");
		this.client = new HotRestartClient(this.port);
		this.remote = new HotRestartClient(URI.create("http://" + address.getHostAddress() + ":" + this.port));
	}

	@AfterEach
	void abortAll() {
		if (this.client != null) {
			this.client.abortAll();
		}
	}

	@Test
	void otherHostWithoutTheSecretIsRefused() {
		HttpResponse<String> response = this.remote.get("/actuator/hotrestart");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(HotRestartClient.<String>read(response, "$.error"))
			.contains("send the value of hot-restart.remote.secret", "X-Hot-Restart-Secret");
	}

	@Test
	void otherHostWithAWrongSecretIsRefused() {
		for (String wrong : new String[] { "wrong", SECRET + "x", SECRET.substring(1), "" }) {
			HttpResponse<String> response = this.remote
				.send(this.remote.request("/actuator/hotrestart").header("X-Hot-Restart-Secret", wrong).GET().build());
			assertThat(response.statusCode()).as(wrong).isEqualTo(403);
		}
	}

	@Test
	void otherHostWithTheSecretMayListContinueAndAbort() {
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/work/from-vm");
		String id = this.client.awaitParked(1).get(0).get("id").toString();

		HttpResponse<String> list = this.remote
			.send(this.remote.request("/actuator/hotrestart").header("X-Hot-Restart-Secret", SECRET).GET().build());
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(HotRestartClient.<String>read(list, "$.failures[0].id")).isEqualTo(id);
		HttpResponse<String> continued = this.remote
			.send(this.remote.request("/actuator/hotrestart/" + id + "/continue")
				.header("X-Hot-Restart-Secret", SECRET)
				.POST(BodyPublishers.noBody())
				.build());
		assertThat(continued.statusCode()).isEqualTo(200);
		assertThat(HotRestartClient.<String>read(continued, "$.outcome")).isEqualTo("resumed");
		assertThat(waiting.join().body()).isEqualTo("done from-vm");
	}

	@Test
	void secretDoesNotLiftTheCrossSiteRule() {
		this.client.getAsync("/work/cross-site");
		String id = this.client.awaitParked(1).get(0).get("id").toString();
		HttpResponse<String> response = this.remote.send(this.remote.request("/actuator/hotrestart/" + id + "/abort")
			.header("X-Hot-Restart-Secret", SECRET)
			.header("Origin", "http://evil.example")
			.POST(BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.client.failures()).hasSize(1);
	}

}

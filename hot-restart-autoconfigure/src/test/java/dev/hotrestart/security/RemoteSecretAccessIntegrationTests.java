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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.testapp.TestApplication;
import dev.hotrestart.testsupport.HotRestartClient;
import dev.hotrestart.testsupport.HotRestartClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for remote access with {@code hot-restart.remote.secret}, from a
 * non-loopback address of this machine.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hot-restart.enabled=true",
				"hot-restart.remote.secret=" + RemoteSecretAccessIntegrationTests.SECRET,
				// The tests share one client address; SecretThrottleIntegrationTests
				// locks out
				"hot-restart.remote.max-failures=1000", "spring.main.banner-mode=off" })
class RemoteSecretAccessIntegrationTests {

	static final String SECRET = "s3cret-for-the-vm";

	@LocalServerPort
	private int port;

	private HotRestartClient client;

	private HotRestartClient remote;

	private InetAddress address;

	@BeforeEach
	void createClients() throws Exception {
		this.address = HotRestartClient.requireNonLoopbackAddress();
		this.client = new HotRestartClient(this.port);
		this.remote = new HotRestartClient(URI.create("http://" + this.address.getHostAddress() + ":" + this.port));
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
		for (String wrong : new String[] { "wrong", SECRET + "x", SECRET.substring(1), "",
				SECRET.toUpperCase(Locale.ROOT) }) {
			HttpResponse<String> response = this.remote
				.send(this.remote.request("/actuator/hotrestart").header("X-Hot-Restart-Secret", wrong).GET().build());
			assertThat(response.statusCode()).as(wrong).isEqualTo(403);
		}
	}

	@Test
	void everySecretRefusalSaysTheSameSoThatNoneHelpsAGuess() throws Exception {
		Set<String> bodies = new LinkedHashSet<>();
		for (String secretHeaders : List.of("", "\r\nX-Hot-Restart-Secret: wrong",
				"\r\nX-Hot-Restart-Secret: " + SECRET.substring(0, 5),
				"\r\nX-Hot-Restart-Secret: " + SECRET + "\r\nX-Hot-Restart-Secret: wrong")) {
			RawResponse response = HotRestartClient.sendRaw(this.address, this.port,
					"GET /actuator/hotrestart HTTP/1.1\r\nHost: localhost" + secretHeaders);
			assertThat(response.status()).as(secretHeaders).isEqualTo(403);
			assertThat(JsonPath.<Map<String, Object>>read(response.body(), "$")).containsOnlyKeys("error");
			bodies.add(response.body());
		}
		assertThat(bodies).singleElement()
			.satisfies((body) -> assertThat(body).contains("send the value of hot-restart.remote.secret",
					"X-Hot-Restart-Secret"));
	}

	@Test
	void twoSecretHeadersAreRefusedEvenIfOneIsRight() throws Exception {
		for (List<String> secrets : List.of(List.of(SECRET, "wrong"), List.of("wrong", SECRET),
				List.of(SECRET, SECRET))) {
			RawResponse response = HotRestartClient.sendRaw(this.address, this.port,
					"GET /actuator/hotrestart HTTP/1.1\r\nHost: localhost\r\nX-Hot-Restart-Secret: " + secrets.get(0)
							+ "\r\nX-Hot-Restart-Secret: " + secrets.get(1));
			assertThat(response.status()).as(secrets.toString()).isEqualTo(403);
		}
		RawResponse one = HotRestartClient.sendRaw(this.address, this.port,
				"GET /actuator/hotrestart HTTP/1.1\r\nHost: localhost\r\nX-Hot-Restart-Secret: " + SECRET);
		assertThat(one.status()).as("one right header").isEqualTo(200);
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

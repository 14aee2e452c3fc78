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
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.hotrestart.security.SecurityHeaders;
import dev.hotrestart.testapp.AbstractHotRestartServerTests;
import dev.hotrestart.testsupport.HotRestartClient;
import dev.hotrestart.testsupport.HotRestartClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the access rules of the endpoint and the console in a WebFlux
 * application, without a remote-access secret: the same rules as in a servlet one.
 */
@RunningReactiveTestApplication
@Timeout(90)
class ReactiveAccessIntegrationTests extends AbstractHotRestartServerTests {

	@Test
	void loopbackRequestsAddressedToALoopbackHostPass() throws Exception {
		assertThat(this.client.get("/actuator/hotrestart").statusCode()).isEqualTo(200);
		for (String host : List.of("localhost", "127.0.0.1", "[::1]", "LocalHost", "app.localhost")) {
			RawResponse response = HotRestartClient.sendRaw(this.port,
					"GET /actuator/hotrestart HTTP/1.1\r\nHost: " + host + ":" + this.port);
			assertThat(response.status()).as(host).isEqualTo(200);
		}
	}

	@Test
	void requestFromAnotherAddressIsRefusedWithAReasonAndChangesNothing() throws Exception {
		InetAddress address = HotRestartClient.requireNonLoopbackAddress();
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/work/remote");
		String id = this.client.awaitParked(1).get(0).get("id").toString();
		HotRestartClient remote = new HotRestartClient(
				URI.create("http://" + address.getHostAddress() + ":" + this.port));

		for (String path : List.of("/actuator/hotrestart", "/actuator/hotrestart/" + id, "/hot-restart",
				"/hot-restart/console.js")) {
			HttpResponse<String> response = remote.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			assertThat(HotRestartClient.<String>read(response, "$.error")).as(path)
				.contains("only requests from this machine", "came from " + address.getHostAddress(),
						"hot-restart.remote.secret", "X-Hot-Restart-Secret");
		}
		assertThat(remote.post("/actuator/hotrestart/" + id + "/abort").statusCode()).isEqualTo(403);
		assertThat(remote.get("/healthy").statusCode()).as("the application's own paths are not guarded")
			.isEqualTo(200);
		assertThat(this.client.failures()).as("still parked").hasSize(1);
		assertThat(waiting).isNotDone();
	}

	@Test
	void pathTricksFromAnotherAddressNeverReachTheEndpoint() throws Exception {
		InetAddress address = HotRestartClient.requireNonLoopbackAddress();
		this.client.getAsync("/work/tricks");
		String id = this.client.awaitParked(1).get(0).get("id").toString();
		HotRestartClient remote = new HotRestartClient(
				URI.create("http://" + address.getHostAddress() + ":" + this.port));

		for (String path : List.of("/actuator//hotrestart/" + id + "/abort", "/actuator/./hotrestart/" + id + "/abort",
				"/x/../actuator/hotrestart/" + id + "/abort", "/actuator;x=y/hotrestart/" + id + "/abort",
				"/actuator/hotrestart;x=y/" + id + "/abort", "/actuator/%68otrestart/" + id + "/abort",
				"/actuator%2Fhotrestart/" + id + "/abort", "/ACTUATOR/hotrestart/" + id + "/abort")) {
			HttpResponse<String> response = remote.send(remote.request(path).POST(BodyPublishers.noBody()).build());
			assertThat(response.statusCode()).as(path).isBetween(400, 499);
		}
		assertThat(this.client.failures()).as("still parked").hasSize(1);
	}

	@Test
	void hostHeaderThatIsNotALoopbackNameIsRefused() throws Exception {
		for (String host : List.of("evil.example", "evil.example:" + this.port, "127.0.0.1.evil.example",
				"localhost.evil.example", "192.0.2.1", "[2001:db8::1]")) {
			RawResponse response = HotRestartClient.sendRaw(this.port,
					"GET /actuator/hotrestart HTTP/1.1\r\nHost: " + host);
			assertThat(response.status()).as(host).isIn(400, 403);
			if (response.status() == 403) {
				assertThat(response.body()).as(host).contains("loopback host", "DNS rebinding");
			}
		}
		RawResponse console = HotRestartClient.sendRaw(this.port, "GET /hot-restart/ HTTP/1.1\r\nHost: evil.example");
		assertThat(console.status()).isEqualTo(403);
	}

	@Test
	void stateChangingRequestFromAnotherSiteIsRefusedAndSameOriginPasses() throws Exception {
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/work/origin");
		String id = this.client.awaitParked(1).get(0).get("id").toString();
		String abort = "/actuator/hotrestart/" + id + "/abort";

		for (String origin : List.of("http://evil.example", "null", "http://localhost:" + (this.port + 1),
				"https://localhost:" + this.port, "http://localhost.evil.example:" + this.port)) {
			HttpResponse<String> response = this.client
				.send(this.client.request(abort).header("Origin", origin).POST(BodyPublishers.noBody()).build());
			assertThat(response.statusCode()).as(origin).isEqualTo(403);
			assertThat(HotRestartClient.<String>read(response, "$.error")).as(origin)
				.contains("another site", "Origin");
		}
		assertThat(this.client.failures()).as("still parked").hasSize(1);
		HttpResponse<String> crossSiteRead = this.client
			.send(this.client.request("/actuator/hotrestart").header("Origin", "http://evil.example").GET().build());
		assertThat(crossSiteRead.statusCode()).as("reads are left to the browser's same-origin policy").isEqualTo(200);
		assertThat(crossSiteRead.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

		HttpResponse<String> sameOrigin = this.client.send(this.client.request(abort)
			.header("Origin", "http://localhost:" + this.port)
			.POST(BodyPublishers.noBody())
			.build());
		assertThat(sameOrigin.statusCode()).isEqualTo(200);
		assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
	}

	@Test
	void answersOnGuardedPathsRefusalsIncludedCarryTheSecurityHeaders() throws Exception {
		for (String path : List.of("/actuator/hotrestart", "/hot-restart/", "/hot-restart/console.js")) {
			HttpResponse<String> response = this.client.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			SecurityHeaders.all()
				.forEach((name, value) -> assertThat(response.headers().allValues(name)).as(path + " " + name)
					.containsExactly(value));
		}
		RawResponse refused = HotRestartClient.sendRaw(this.port, "GET /hot-restart/ HTTP/1.1\r\nHost: evil.example");
		assertThat(refused.status()).isEqualTo(403);
		SecurityHeaders.all()
			.forEach((name, value) -> assertThat(refused.header(name)).as("refusal " + name).containsExactly(value));
		assertThat(this.client.get("/healthy").headers().firstValue("X-Frame-Options"))
			.as("the application's own answers are left alone")
			.isEmpty();
	}

}

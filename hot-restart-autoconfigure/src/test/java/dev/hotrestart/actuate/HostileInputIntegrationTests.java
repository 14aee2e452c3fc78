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

package dev.hotrestart.actuate;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.testapp.RunningTestApplication;
import dev.hotrestart.testsupport.HotRestartClient;
import dev.hotrestart.testsupport.HotRestartClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for hostile input to every operation of the endpoint: each gets a
 * clear 4xx answer, and the parked call stays parked.
 */
@Timeout(120)
@RunningTestApplication
class HostileInputIntegrationTests {

	@LocalServerPort
	private int port;

	private HotRestartClient client;

	private CompletableFuture<HttpResponse<String>> waiting;

	private String id;

	@BeforeEach
	void parkACall() {
		this.client = new HotRestartClient(this.port);
		this.waiting = this.client.getAsync("/work/hostile-" + UUID.randomUUID());
		this.id = this.client.awaitParked(1).get(0).get("id").toString();
	}

	@AfterEach
	void abortAll() {
		this.client.abortAll();
	}

	@Test
	void unknownIdsAnswer404WithAnError() {
		String longId = "9".repeat(4000);
		for (String unknown : List.of("999", "abc", "-1", "1e3", longId, "%20", "%E2%98%83")) {
			for (String operation : List.of("GET", "continue", "abort")) {
				HttpResponse<String> response = operation.equals("GET")
						? this.client.get("/actuator/hotrestart/" + unknown)
						: this.client.post("/actuator/hotrestart/" + unknown + "/" + operation);
				assertThat(response.statusCode()).as("%s %.10s", operation, unknown).isEqualTo(404);
				assertThat(HotRestartClient.<String>read(response, "$.error")).contains("No parked call has id");
			}
		}
		assertStillParked();
	}

	@Test
	void unknownActionsAndWrongVerbsAnswer4xx() {
		HttpResponse<String> unknownAction = this.client.post("/actuator/hotrestart/" + this.id + "/explode");
		assertThat(unknownAction.statusCode()).isEqualTo(400);
		assertThat(HotRestartClient.<String>read(unknownAction, "$.error")).contains("Unknown action 'explode'");
		for (String method : List.of("DELETE", "PUT", "PATCH")) {
			for (String path : List.of("/actuator/hotrestart", "/actuator/hotrestart/" + this.id,
					"/actuator/hotrestart/" + this.id + "/abort")) {
				HttpResponse<String> response = this.client
					.send(this.client.request(path).method(method, BodyPublishers.noBody()).build());
				assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(405);
			}
		}
		assertThat(this.client.get("/actuator/hotrestart/" + this.id + "/abort").statusCode()).as("GET of an action")
			.isBetween(400, 499);
		assertThat(this.client.post("/actuator/hotrestart/" + this.id).statusCode()).as("POST without an action")
			.isBetween(400, 499);
		assertThat(this.client.post("/actuator/hotrestart/" + this.id + "/abort/now").statusCode())
			.as("an action too many")
			.isEqualTo(404);
		assertStillParked();
	}

	@Test
	void hugeOrMalformedBodiesAnswer4xx() {
		String abort = "/actuator/hotrestart/" + this.id + "/abort";
		for (String body : List.of("{", "not json", "[1,2", "{\"a\":" + "[".repeat(5000), "x".repeat(1024 * 1024),
				"{\"a\":\"" + "x".repeat(1024 * 1024))) {
			HttpResponse<String> response = this.client.send(this.client.request(abort)
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(body))
				.build());
			assertThat(response.statusCode()).as("%.10s", body).isEqualTo(400);
		}
		HttpResponse<String> wrongType = this.client.send(this.client.request(abort)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("action=abort"))
			.build());
		assertThat(wrongType.statusCode()).isEqualTo(415);
		assertStillParked();
	}

	@Test
	void pathTricksAnswer4xx() throws Exception {
		for (String path : List.of("/actuator/hotrestart/" + this.id + "/..%2Fabort",
				"/actuator/hotrestart/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/actuator/hotrestart/..%2F..%2Fhealth",
				"/actuator/hotrestart/" + this.id + "%00/abort", "/actuator/hotrestart/" + this.id + "%2Fabort",
				"/actuator/hotrestart/" + this.id + "%5Cabort", "/actuator/hotrestart/%252e%252e/abort")) {
			RawResponse response = HotRestartClient.sendRaw(this.port,
					"POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0");
			assertThat(response.status()).as(path).isBetween(400, 499);
		}
		RawResponse tooLong = HotRestartClient.sendRaw(this.port,
				"GET /actuator/hotrestart/" + "1".repeat(100_000) + " HTTP/1.1\r\nHost: localhost");
		assertThat(tooLong.status()).as("an id longer than the request line may be").isBetween(400, 499);
		assertStillParked();
	}

	private void assertStillParked() {
		List<Map<String, Object>> failures = this.client.failures();
		assertThat(failures).hasSize(1);
		assertThat(failures.get(0).get("id")).isEqualTo(this.id);
		assertThat(failures.get(0).get("state")).isEqualTo("parked");
		assertThat(this.waiting).isNotDone();
	}

}

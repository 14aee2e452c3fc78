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

package dev.hotrestart.sample;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;

import static org.awaitility.Awaitility.await;

/**
 * A real HTTP client of a running {@link SampleServiceProcess}: the sample's own API and
 * the {@code hotrestart} endpoint.
 */
final class SampleClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final SampleServiceProcess service;

	SampleClient(SampleServiceProcess service) {
		this.service = service;
	}

	CompletableFuture<HttpResponse<String>> sendAsync(String method, String path) {
		HttpRequest request = HttpRequest.newBuilder(this.service.uri(path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.sendAsync(request, BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path) {
		return send("GET", path);
	}

	HttpResponse<String> post(String path) {
		return send("POST", path);
	}

	private HttpResponse<String> send(String method, String path) {
		try {
			return sendAsync(method, path).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
	}

	/**
	 * Return the parked failures listed by the endpoint.
	 */
	List<Map<String, Object>> failures() {
		HttpResponse<String> response = get("/actuator/hotrestart");
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET /actuator/hotrestart answered " + response.statusCode() + ": "
					+ response.body() + "\n" + this.service.output());
		}
		return JsonPath.read(response.body(), "$.failures");
	}

	/**
	 * Wait until {@code count} failures are parked and return them.
	 */
	List<Map<String, Object>> awaitParked(int count) {
		return await().atMost(Duration.ofSeconds(30)).until(this::failures, (failures) -> failures.size() == count);
	}

	/**
	 * Wait until the failure with the given id is parked at the given attempt.
	 */
	Map<String, Object> awaitAttempt(String id, int attempt) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> failures().stream().filter((failure) -> id.equals(failure.get("id"))).findFirst().orElse(null),
					(failure) -> failure != null && Integer.valueOf(attempt).equals(failure.get("attempt"))
							&& "parked".equals(failure.get("state")));
	}

	/**
	 * Wait until the endpoint lists the latest build with the given state (such as
	 * {@code applied}) and return it.
	 */
	Map<String, Object> awaitLatestChange(String state) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			HttpResponse<String> response = get("/actuator/hotrestart");
			Map<String, Object> change = JsonPath.read(response.body(), "$.latestChange");
			return change;
		}, (change) -> change != null && state.equals(change.get("state")));
	}

	static <T> T read(HttpResponse<String> response, String path) {
		return JsonPath.read(response.body(), path);
	}

	static HttpResponse<String> join(CompletableFuture<HttpResponse<String>> response) throws IOException {
		try {
			return response.get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IOException("No answer for the waiting client", ex);
		}
	}

}

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

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.testapp.AbstractHotRestartServerTests;
import dev.hotrestart.testsupport.HotRestartClient;
import dev.hotrestart.testsupport.LogLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for hot restart in a WebFlux application on Reactor Netty: reactive
 * calls park without a thread, the endpoint lists them with their request, and continue
 * and abort answer as in a servlet application.
 */
@RunningReactiveTestApplication
@Timeout(90)
@ExtendWith(OutputCaptureExtension.class)
class ReactiveEndpointIntegrationTests extends AbstractHotRestartServerTests {

	@Autowired
	private ParkingLot parkingLot;

	@Test
	void parkedMonoIsListedWithItsRequestAndContinueAnswersTheClient() throws Exception {
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/work/mono?source=test");
		Map<String, Object> failure = this.client.awaitParked(1).get(0);
		assertThat(failure).containsEntry("method", "ReactiveWork.attempt(String)")
			.containsEntry("arguments", List.of("mono"))
			.containsEntry("attempt", 1)
			.containsEntry("state", "parked");
		assertThat(failure.get("request")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("method", "GET")
			.containsEntry("uri", "/work/mono?source=test")
			.containsEntry("remote", false)
			.hasEntrySatisfying("clientAddress", (address) -> assertThat(address).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
		assertThat(waiting).isNotDone();

		HttpResponse<String> answer = this.client.post("/actuator/hotrestart/" + failure.get("id") + "/continue");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(HotRestartClient.<String>read(answer, "$.outcome")).isEqualTo("resumed");
		HttpResponse<String> response = waiting.get(10, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("done mono");
	}

	@Test
	void abortGivesTheClientTheUsualErrorAnswer() throws Exception {
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/work/abort");
		String id = this.client.awaitParked(1).get(0).get("id").toString();

		HttpResponse<String> answer = this.client.post("/actuator/hotrestart/" + id + "/abort");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("{\"id\":\"" + id + "\",\"outcome\":\"aborted\"}");
		HttpResponse<String> response = waiting.get(10, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("First attempt of abort fails");
	}

	@Test
	void parkedFluxResumesWithoutRepeatingWhatTheClientAlreadyGot() throws Exception {
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/lines/flux");
		String id = this.client.awaitParked(1).get(0).get("id").toString();

		this.client.post("/actuator/hotrestart/" + id + "/continue");

		HttpResponse<String> response = waiting.get(10, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("flux 1\nflux 2\nflux 3\n");
	}

	@Test
	@LogLevel(loggers = "dev.hotrestart", level = "WARN")
	void blockingCallOnTheEventLoopFailsAtOnceAndSaysWhy(CapturedOutput output) {
		HttpResponse<String> response = this.client.getPromptly("/event-loop/blocking");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(this.parkingLot.getCalls()).isEmpty();
		assertThat(output).contains("Not parking ReactiveWork.blocking(String)", "a non-blocking thread",
				"Return a Mono");
	}

	@Test
	void blockingCallOnABoundedElasticThreadParksThatThread() throws Exception {
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/elastic/elastic");
		Map<String, Object> failure = this.client.awaitParked(1).get(0);
		assertThat(failure.get("thread").toString()).startsWith("boundedElastic");
		assertThat(this.client.getPromptly("/healthy").body()).isEqualTo("ok");

		this.client.post("/actuator/hotrestart/" + failure.get("id") + "/continue");

		assertThat(waiting.get(10, TimeUnit.SECONDS).body()).isEqualTo("done elastic");
	}

	@Test
	void otherRequestsAreServedWhileCallsAreParked() {
		for (int i = 0; i < 5; i++) {
			this.client.getAsync("/work/many-" + i);
		}
		this.client.awaitParked(5);
		for (ParkedCall call : this.parkingLot.getCalls()) {
			assertThat(call.isWaiting()).isTrue();
		}

		assertThat(this.client.getPromptly("/healthy").body()).isEqualTo("ok");
		assertThat(this.client.getPromptly("/actuator/hotrestart/404").statusCode()).isEqualTo(404);
	}

}

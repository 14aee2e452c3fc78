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

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.hotrestart.testapp.AbstractHotRestartServerTests;
import dev.hotrestart.testapp.RunningTestApplication;
import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for a continue and an abort racing on one parked call over HTTP.
 */
@Timeout(120)
@RunningTestApplication
class ContinueAbortRaceIntegrationTests extends AbstractHotRestartServerTests {

	private static final int ROUNDS = 20;

	// Enough rounds for each side to win at least once unless the race is rigged
	private static final int MAX_ROUNDS = 200;

	@Test
	void exactlyOneOfARacingContinueAndAbortWinsAndTheOtherGets409() throws Exception {
		int continues = 0;
		int aborts = 0;
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < MAX_ROUNDS && (round < ROUNDS || continues == 0 || aborts == 0); round++) {
				CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/work/race-" + round);
				String id = this.client.awaitParked(1).get(0).get("id").toString();
				CyclicBarrier start = new CyclicBarrier(2);
				Future<HttpResponse<String>> continued = executor.submit(() -> race(start, id, "continue"));
				Future<HttpResponse<String>> aborted = executor.submit(() -> race(start, id, "abort"));
				HttpResponse<String> continueAnswer = continued.get();
				HttpResponse<String> abortAnswer = aborted.get();

				List<Integer> statuses = List.of(continueAnswer.statusCode(), abortAnswer.statusCode());
				assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
				HttpResponse<String> loser = (continueAnswer.statusCode() == 409) ? continueAnswer : abortAnswer;
				assertThat(HotRestartClient.<String>read(loser, "$.error")).contains("'" + id + "'");
				HttpResponse<String> answer = waiting.join();
				if (continueAnswer.statusCode() == 200) {
					continues++;
					assertThat(HotRestartClient.<String>read(continueAnswer, "$.outcome")).isEqualTo("resumed");
					assertThat(answer.statusCode()).isEqualTo(200);
					assertThat(answer.body()).isEqualTo("done race-" + round);
				}
				else {
					aborts++;
					assertThat(answer.statusCode()).isEqualTo(500);
				}
				assertThat(this.client.failures()).isEmpty();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(continues).as("rounds continue won (abort won %d): the race was never decided its way", aborts)
			.isPositive();
		assertThat(aborts).as("rounds abort won (continue won %d): the race was never decided its way", continues)
			.isPositive();
	}

	private HttpResponse<String> race(CyclicBarrier start, String id, String action) throws Exception {
		HttpRequest request = this.client.request("/actuator/hotrestart/" + id + "/" + action)
			.POST(BodyPublishers.noBody())
			.build();
		start.await();
		return this.client.send(request);
	}

}

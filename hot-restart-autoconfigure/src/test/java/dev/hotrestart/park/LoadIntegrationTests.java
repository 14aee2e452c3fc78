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

package dev.hotrestart.park;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.hotrestart.testapp.AbstractHotRestartServerTests;
import dev.hotrestart.testapp.RunningTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded load test on loopback: healthy requests keep being served while a storm of
 * failing requests goes beyond {@code hot-restart.max-parked} (10). Prints the healthy
 * requests' latency with and without the storm; asserts only correctness: every healthy
 * request succeeds, and every storm request beyond capacity gets its own error at once
 * while the parked ones keep waiting.
 */
@RunningTestApplication
class LoadIntegrationTests extends AbstractHotRestartServerTests {

	private static final int HEALTHY_REQUESTS = 1000;

	private static final int HEALTHY_CLIENTS = 4;

	private static final int STORM_REQUESTS = 200;

	private static final int STORM_CLIENTS = 2;

	private static final int MAX_PARKED = 10;

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void healthyRequestsAreServedThroughAStormOfFailuresBeyondMaxParked() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(HEALTHY_CLIENTS + STORM_CLIENTS);
		try {
			measureHealthy(executor, 200);
			List<Long> quiet = measureHealthy(executor, HEALTHY_REQUESTS);

			List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
			for (int i = 0; i < MAX_PARKED; i++) {
				parked.add(this.client.getAsync("/work/storm-parked-" + i));
			}
			this.client.awaitParked(MAX_PARKED);
			AtomicBoolean stormOver = new AtomicBoolean();
			List<Future<List<HttpResponse<String>>>> storms = new ArrayList<>();
			for (int stormClient = 0; stormClient < STORM_CLIENTS; stormClient++) {
				int first = stormClient * (STORM_REQUESTS / STORM_CLIENTS);
				storms.add(executor.submit(() -> storm(first, STORM_REQUESTS / STORM_CLIENTS, stormOver)));
			}
			List<Long> stormy = measureHealthy(executor, HEALTHY_REQUESTS);
			stormOver.set(true);
			List<HttpResponse<String>> stormAnswers = new ArrayList<>();
			for (Future<List<HttpResponse<String>>> storm : storms) {
				stormAnswers.addAll(storm.get());
			}

			assertThat(stormAnswers).isNotEmpty().allSatisfy((answer) -> {
				assertThat(answer.statusCode()).isEqualTo(500);
				assertThat(answer.body()).contains("First attempt of storm-");
			});
			assertThat(this.client.failures()).as("the parked calls are still the first ten").hasSize(MAX_PARKED);
			assertThat(parked).noneMatch(CompletableFuture::isDone);
			printTable(quiet, stormy, stormAnswers.size());
			this.client.abortAll();
			assertThat(parked).allSatisfy((waiting) -> assertThat(waiting.join().statusCode()).isEqualTo(500));
		}
		finally {
			executor.shutdownNow();
		}
	}

	private List<Long> measureHealthy(ExecutorService executor, int requests) throws Exception {
		List<Future<List<Long>>> clients = new ArrayList<>();
		for (int i = 0; i < HEALTHY_CLIENTS; i++) {
			clients.add(executor.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				for (int request = 0; request < requests / HEALTHY_CLIENTS; request++) {
					long start = System.nanoTime();
					HttpResponse<String> response = this.client.getPromptly("/healthy");
					latencies.add(System.nanoTime() - start);
					assertThat(response.statusCode()).isEqualTo(200);
					assertThat(response.body()).isEqualTo("ok");
				}
				return latencies;
			}));
		}
		List<Long> latencies = new ArrayList<>();
		for (Future<List<Long>> client : clients) {
			latencies.addAll(client.get());
		}
		return latencies;
	}

	/**
	 * Send failing requests one after the other, each beyond capacity and so answered at
	 * once, until the healthy requests are measured or the count is reached.
	 */
	private List<HttpResponse<String>> storm(int first, int count, AtomicBoolean over) {
		List<HttpResponse<String>> answers = new ArrayList<>();
		for (int i = first; i < first + count && !over.get(); i++) {
			answers.add(this.client.getPromptly("/work/storm-" + i));
		}
		return answers;
	}

	private static void printTable(List<Long> quiet, List<Long> stormy, int stormRequests) {
		System.out.println();
		System.out.println("Healthy GET /healthy latency on loopback, " + HEALTHY_CLIENTS + " concurrent clients:");
		System.out.println("| phase                                        | requests | p50 (ms) | p99 (ms) |");
		System.out.println("|----------------------------------------------|----------|----------|----------|");
		System.out.println(row("without storm", quiet));
		System.out.println(row(MAX_PARKED + " parked + " + stormRequests + " failing beyond max-parked", stormy));
		System.out.println();
	}

	private static String row(String phase, List<Long> latencies) {
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return String.format("| %-44s | %8d | %8.2f | %8.2f |", phase, sorted.size(), percentile(sorted, 50),
				percentile(sorted, 99));
	}

	private static double percentile(List<Long> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(index, 0)) / 1_000_000.0;
	}

}

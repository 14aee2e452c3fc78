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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.ref.WeakReference;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.testapp.TestApplication;
import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration test for 100 calls parked at once and released in parallel: every client
 * gets its answer, and no thread and no parked call is left behind.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hot-restart.enabled=true", "hot-restart.max-parked=100", "hot-restart.continue-wait=20s",
				"spring.main.banner-mode=off" })
@Timeout(120)
class ManyParkedCallsIntegrationTests {

	private static final int CALLS = 100;

	/**
	 * Threads that belong to pools which outlive a request: the server's workers, the
	 * test's HTTP client and Awaitility, the common pool.
	 */
	private static final Pattern POOLED = Pattern
		.compile(".*-exec-\\d+|HttpClient-.*|ForkJoinPool.*|awaitility-thread");

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	@LocalServerPort
	private int port;

	@Autowired
	private ParkingLot parkingLot;

	@Test
	void hundredCallsParkAndAreReleasedInParallelLeavingNothingBehind() {
		HotRestartClient client = new HotRestartClient(this.port);
		// One call first: attaching the agent starts the JVM's own attach threads once
		CompletableFuture<HttpResponse<String>> first = client.getAsync("/work/warm-up");
		client.awaitParked(1);
		client.abortAll();
		first.join();
		Set<String> before = threadNames();
		int liveBefore = this.threads.getThreadCount();

		List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			waiting.add(client.getAsync("/work/many-" + i));
		}
		client.awaitParked(CALLS);
		List<WeakReference<ParkedCall>> calls = this.parkingLot.getCalls().stream().map(WeakReference::new).toList();
		int liveParked = this.threads.getThreadCount();

		List<CompletableFuture<HttpResponse<String>>> continues = calls.stream()
			.map((call) -> client.sendAsync(client.request("/actuator/hotrestart/" + call.get().getId() + "/continue")
				.POST(BodyPublishers.noBody())
				.build()))
			.toList();

		assertThat(continues).allSatisfy((continued) -> {
			assertThat(continued.join().statusCode()).isEqualTo(200);
			assertThat(HotRestartClient.<String>read(continued.join(), "$.outcome")).isEqualTo("resumed");
		});
		for (int i = 0; i < CALLS; i++) {
			assertThat(waiting.get(i).join().body()).isEqualTo("done many-" + i);
		}
		assertThat(client.failures()).isEmpty();
		assertThat(this.parkingLot.getCalls()).isEmpty();
		assertThat(threadsIn("ParkedCall.awaitResolution")).as("threads still parked").isEmpty();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(newThreads(before)).as("threads left behind").isEmpty());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			System.gc();
			assertThat(calls).as("parked calls still reachable").allMatch((call) -> call.get() == null);
		});
		System.out.printf(
				"Live threads: %d before, %d with %d calls parked, %d after release "
						+ "(idle server workers retire after their keep-alive)%n",
				liveBefore, liveParked, CALLS, this.threads.getThreadCount());
	}

	private Set<String> threadNames() {
		return Arrays.stream(this.threads.dumpAllThreads(false, false))
			.map(ThreadInfo::getThreadName)
			.collect(Collectors.toSet());
	}

	private List<String> newThreads(Set<String> before) {
		return threadNames().stream()
			.filter((name) -> !before.contains(name) && !POOLED.matcher(name).matches())
			.sorted()
			.toList();
	}

	private List<String> threadsIn(String frame) {
		return Arrays.stream(this.threads.dumpAllThreads(false, false))
			.filter((thread) -> Arrays.stream(thread.getStackTrace())
				.anyMatch((element) -> (element.getClassName() + "." + element.getMethodName()).endsWith(frame)))
			.map(ThreadInfo::getThreadName)
			.toList();
	}

}

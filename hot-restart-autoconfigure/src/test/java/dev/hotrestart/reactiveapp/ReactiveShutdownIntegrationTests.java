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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hotrestart.park.Outcome;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.park.ThreadlessWaits;
import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls parked without a thread in a WebFlux application end without one too: on shutdown
 * the waiting client gets the original error, not an empty reply, and a park that times
 * out answers with it as well.
 */
@Timeout(120)
class ReactiveShutdownIntegrationTests {

	@Test
	void shutdownGivesTheWaitingClientItsErrorAndLeavesNoThread() throws Exception {
		ConfigurableApplicationContext context = start();
		HotRestartClient client = new HotRestartClient(port(context));
		CompletableFuture<HttpResponse<String>> waiting = client.getAsync("/work/shutdown");
		client.awaitParked(1);
		ThreadlessWaits waits = context.getBean(ThreadlessWaits.class);

		context.close();

		HttpResponse<String> response = waiting.get(30, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("First attempt of shutdown fails");
		await().atMost(java.time.Duration.ofSeconds(20)).until(() -> waits.threads() == 0);
	}

	@Test
	void parkThatTimesOutAnswersWithTheOriginalError() throws Exception {
		try (ConfigurableApplicationContext context = start("--hot-restart.park-timeout=1s")) {
			HotRestartClient client = new HotRestartClient(port(context));

			HttpResponse<String> response = client.getAsync("/work/timeout").get(30, TimeUnit.SECONDS);

			assertThat(response.statusCode()).isEqualTo(500);
			assertThat(response.body()).contains("First attempt of timeout fails");
			assertThat(context.getBean(ParkingLot.class).getHistory().getEntries().get(0).outcome())
				.isEqualTo(Outcome.TIMED_OUT);
		}
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		return new SpringApplicationBuilder(ReactiveTestApplication.class)
			.properties("spring.main.web-application-type=reactive", "hot-restart.enabled=true", "server.port=0",
					"spring.main.banner-mode=off", "spring.web.error.include-message=always")
			.run(arguments);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}

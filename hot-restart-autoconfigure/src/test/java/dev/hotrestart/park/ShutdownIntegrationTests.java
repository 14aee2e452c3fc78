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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hotrestart.testapp.TestApplication;
import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration test for shutdown with calls parked: closing the application gives every
 * waiting client its original error before the web server stops, well within the
 * graceful-shutdown period.
 */
@Timeout(120)
class ShutdownIntegrationTests {

	@Test
	void closingTheApplicationReleasesEveryParkedCallWithItsOriginalError() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.properties("hot-restart.enabled=true", "server.port=0", "spring.main.banner-mode=off",
					"spring.web.error.include-message=always", "spring.lifecycle.timeout-per-shutdown-phase=30s")
			.run();
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HotRestartClient client = new HotRestartClient(port);
		List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			waiting.add(client.getAsync("/work/shutdown-" + i));
		}
		client.awaitParked(3);

		CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);

		// Well within the 30 s a graceful shutdown would wait for parked requests
		await().atMost(Duration.ofSeconds(15)).until(closed::isDone);
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> answer = waiting.get(i).join();
			assertThat(answer.statusCode()).isEqualTo(500);
			assertThat(answer.body()).contains("First attempt of shutdown-" + i + " fails");
		}
	}

}

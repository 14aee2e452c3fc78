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

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shutdown with calls parked, end to end: SIGTERM to the sample service gives every
 * waiting client its original error, and the process exits promptly instead of waiting
 * out the graceful-shutdown period for the parked requests.
 */
@Timeout(180)
class ShutdownIntegrationTests {

	@TempDir
	Path workDirectory;

	@Test
	void sigtermReleasesParkedCallsWithTheirOriginalErrorAndTheProcessExits() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory)) {
			HotRestartClient client = service.client();
			List<CompletableFuture<HttpResponse<String>>> waiting = List
				.of(client.getAsync("/quotes/WIDGET?quantity=35"), client.getAsync("/quotes/GADGET?quantity=40"));
			client.awaitParked(2);

			// Well within the 30 s a graceful shutdown would wait for parked requests
			assertThat(service.terminate(Duration.ofSeconds(15))).as("exited after SIGTERM").isTrue();

			// The answers were sent before the process exited; the client may still be
			// reading them
			for (int i = 0; i < waiting.size(); i++) {
				HttpResponse<String> answer = HotRestartClient.join(waiting.get(i));
				assertThat(answer.statusCode()).isEqualTo(500);
				assertThat(answer.body()).contains("Index " + (3 + i) + " out of bounds for length 3");
			}
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(service.output())
					.contains("Released 2 parked call(s) with their original exceptions on shutdown"));
		}
	}

}

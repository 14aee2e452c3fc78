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
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.hotrestart.testapp.AbstractHotRestartServerTests;
import dev.hotrestart.testapp.RunningTestApplication;
import dev.hotrestart.testsupport.LogLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for which failures park, and for the bounds of the parking lot,
 * against a running server ({@code hot-restart.never-park} lists
 * {@link UnsupportedOperationException}).
 */
@Timeout(120)
@RunningTestApplication
@ExtendWith(OutputCaptureExtension.class)
class WhichFailuresParkIntegrationTests extends AbstractHotRestartServerTests {

	@Test
	void exceptionParks() {
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/work/parks");
		Map<String, Object> failure = this.client.awaitParked(1).get(0);
		assertThat(failure.get("method")).isEqualTo("Work.attempt(String)");
		assertThat(failure.get("callerTransaction")).isEqualTo(false);
		assertThat(waiting).isNotDone();
	}

	@Test
	void intentionalHttpErrorsAnswerAtOnce() {
		HttpResponse<String> conflict = this.client.getPromptly("/conflict");
		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(conflict.body()).contains("Taken: an intentional HTTP error");
		HttpResponse<String> notFound = this.client.getPromptly("/not-found");
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.body()).contains("No such thing");
		assertThat(this.client.failures()).isEmpty();
	}

	@Test
	void configuredNeverParkTypesAnswerAtOnce() {
		HttpResponse<String> response = this.client.getPromptly("/unsupported");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("Listed in hot-restart.never-park");
		assertThat(this.client.failures()).isEmpty();
	}

	@Test
	void neverParkTypesOfTheMethodAnswerAtOnce() {
		HttpResponse<String> response = this.client.getPromptly("/invalid");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("Listed on @HotRestart(neverPark)");
		assertThat(this.client.failures()).isEmpty();
	}

	@Test
	void neverParkTypesOfTheBeanTypeAnswerAtOnce() {
		assertThat(this.client.getPromptly("/divide/6/3").body()).isEqualTo("2");
		HttpResponse<String> response = this.client.getPromptly("/divide/1/0");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("/ by zero");
		assertThat(this.client.failures()).isEmpty();
	}

	@Test
	@LogLevel(loggers = "dev.hotrestart", level = "WARN")
	void failureBeyondMaxParkedAnswersAtOnceWithALogLine(CapturedOutput output) {
		List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			parked.add(this.client.getAsync("/work/capacity-" + i));
			this.client.awaitParked(i + 1);
		}
		HttpResponse<String> beyond = this.client.getPromptly("/work/capacity-beyond");
		assertThat(beyond.statusCode()).isEqualTo(500);
		assertThat(beyond.body()).contains("First attempt of capacity-beyond fails");
		assertThat(output).contains("10 calls are parked already (hot-restart.max-parked)");
		assertThat(this.client.failures()).hasSize(10);
		assertThat(parked).noneMatch(CompletableFuture::isDone);
	}

	@Test
	void interruptedParkedThreadGivesUpWithTheOriginalException() {
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/work/interrupted");
		String threadName = this.client.awaitParked(1).get(0).get("thread").toString();
		Thread parkedThread = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(threadName))
			.findFirst()
			.orElseThrow();

		parkedThread.interrupt();

		HttpResponse<String> response = await().atMost(Duration.ofSeconds(10)).until(waiting::join, (r) -> true);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("First attempt of interrupted fails");
		assertThat(this.client.failures()).isEmpty();
	}

}

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample with Spring Boot DevTools, in a separate JVM launched as an IDE does (so
 * that DevTools restart is active) and driven over HTTP: class changes made while a call
 * is parked are kept for continue instead of restarting, restarts release parked calls
 * with their original errors, resume on save continues on its own, and the restart action
 * restarts through DevTools or refuses cleanly without it.
 */
@Timeout(180)
class DevToolsIntegrationTests {

	private static final String QUOTE_SERVICE = "dev.hotrestart.sample.quote.QuoteService";

	private static final String BUG = "DISCOUNT_PERCENT_BY_TENS[quantity / 10]";

	private static final String FIX = "DISCOUNT_PERCENT_BY_TENS[Math.min(quantity / 10, DISCOUNT_PERCENT_BY_TENS.length - 1)]";

	private static final String OTHER_FIX = "DISCOUNT_PERCENT_BY_TENS[Math.min(quantity / 10, 2)]";

	private static final String FIX_THAT_STILL_FAILS = "DISCOUNT_PERCENT_BY_TENS[quantity / 5]";

	private static final String FAILING_QUOTE = "/quotes/WIDGET?quantity=35";

	private static final String ORIGINAL_ERROR = "Index 3 out of bounds for length 3";

	private static final String DEVTOOLS_RESTART = "Restarting due to";

	private static final Duration WITHIN_SECONDS = Duration.ofSeconds(10);

	/**
	 * DevTools polls the class path every second and waits 400 ms for quiet: a change it
	 * would restart for is acted on well within this.
	 */
	private static final Duration DEVTOOLS_NOTICES_A_CHANGE = Duration.ofSeconds(3);

	@TempDir
	Path workDirectory;

	@Test
	void classChangeWhileACallIsParkedIsKeptForContinueInsteadOfRestarting() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory)) {
			assertThat(service.output()).as("DevTools restart is active").contains("[  restartedMain]");
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			String id = client.awaitParked(1).get(0).get("id").toString();

			SourceFix.of(QUOTE_SERVICE, BUG, FIX).compileInto(service.classesDirectory(), service.classPath());
			assertThat(client.awaitLatestChange("applied")).containsEntry("classes", List.of(QUOTE_SERVICE));
			await().during(DEVTOOLS_NOTICES_A_CHANGE)
				.atMost(DEVTOOLS_NOTICES_A_CHANGE.multipliedBy(2))
				.until(() -> service.starts() == 1 && !service.output().contains(DEVTOOLS_RESTART));
			assertThat(service.output()).as("applied before DevTools noticed: nothing to tell")
				.doesNotContain("Not restarting for");
			assertThat(waiting).isNotDone();

			HttpResponse<String> continued = client.post("/actuator/hotrestart/" + id + "/continue");
			assertThat(HotRestartClient.<String>read(continued, "$.outcome")).isEqualTo("resumed");
			assertThat(HotRestartClient.<List<String>>read(continued, "$.reloaded")).as("applied at save").isEmpty();
			assertThat(HotRestartClient.<Double>read(HotRestartClient.join(waiting), "$.total")).isEqualTo(141.75);

			SourceFix.of(QUOTE_SERVICE, BUG, OTHER_FIX).compileInto(service.classesDirectory(), service.classPath());
			service.awaitStarts(2);
			assertThat(service.output()).as("a class change with nothing parked restarts as always")
				.contains(DEVTOOLS_RESTART);
			assertThat(service.starts()).as("the fix reloaded by continue caused no restart of its own").isEqualTo(2);
			assertThat(client.get(FAILING_QUOTE).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void restartsReleaseParkedCallsWithTheirOriginalErrors() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory)) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			client.awaitParked(1);

			long changed = System.nanoTime();
			Files.writeString(service.classesDirectory().resolve("application.properties"), "\n# changed\n",
					StandardOpenOption.APPEND);
			HttpResponse<String> released = answer(waiting, service);
			long releasedAfter = Duration.ofNanos(System.nanoTime() - changed).toMillis();
			assertThat(released.statusCode()).isEqualTo(500);
			assertThat(released.body()).contains(ORIGINAL_ERROR);
			service.awaitStarts(2);
			assertThat(service.output()).contains(DEVTOOLS_RESTART);

			CompletableFuture<HttpResponse<String>> waitingAgain = client.getAsync(FAILING_QUOTE);
			client.awaitParked(1);
			long requested = System.nanoTime();
			HttpResponse<String> restart = client.post("/actuator/hotrestart/restart");
			assertThat(restart.statusCode()).as(restart.body()).isEqualTo(200);
			assertThat(HotRestartClient.<String>read(restart, "$.outcome")).isEqualTo("restarting");
			assertThat(HotRestartClient.<Integer>read(restart, "$.released")).isEqualTo(1);
			HttpResponse<String> releasedAgain = answer(waitingAgain, service);
			assertThat(releasedAgain.statusCode()).isEqualTo(500);
			assertThat(releasedAgain.body()).contains(ORIGINAL_ERROR);
			service.awaitStarts(3);
			long restartedAfter = Duration.ofNanos(System.nanoTime() - requested).toMillis();
			assertThat(client.get("/quotes/WIDGET?quantity=5").statusCode()).isEqualTo(200);
			System.out.printf("Resource change to released error: %d ms; restart action to serving again: %d ms%n",
					releasedAfter, restartedAfter);
		}
	}

	@Test
	void resumeOnSaveSwitchedOnAtRunTimeResumesWithoutAContinue() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory)) {
			HotRestartClient client = service.client();
			assertThat(HotRestartClient.<Boolean>read(client.get("/actuator/hotrestart/settings"), "$.autoContinue"))
				.isFalse();
			HttpResponse<String> settings = client.post("/actuator/hotrestart/auto-continue/on");
			assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
			assertThat(HotRestartClient.<Boolean>read(settings, "$.autoContinue")).isTrue();
			assertThat(HotRestartClient.<Boolean>read(settings, "$.restartAvailable")).isTrue();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			String id = client.awaitParked(1).get(0).get("id").toString();

			SourceFix.of(QUOTE_SERVICE, BUG, FIX_THAT_STILL_FAILS)
				.compileInto(service.classesDirectory(), service.classPath());
			assertThat(client.awaitAttempt(id, 2)).as("a fix that still fails parks again").containsEntry("id", id);
			assertThat(waiting).isNotDone();

			SourceFix.of(QUOTE_SERVICE, BUG, FIX).compileInto(service.classesDirectory(), service.classPath());
			long saved = System.nanoTime();
			HttpResponse<String> answer = answer(waiting, service);
			long resumedAfter = Duration.ofNanos(System.nanoTime() - saved).toMillis();
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(HotRestartClient.<Double>read(answer, "$.total")).isEqualTo(141.75);
			assertThat(client.failures()).isEmpty();
			assertThat(service.output()).doesNotContain(DEVTOOLS_RESTART);
			System.out.printf("Resume on save with DevTools, save to answer: %d ms%n", resumedAfter);
		}
	}

	@Test
	void withoutDevToolsRestartTheRestartIsRefusedAndResumeOnSaveWatchesTheClassDirectory() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory,
				"-Dspring.devtools.restart.enabled=false", "-Dhot-restart.auto-continue=true")) {
			HotRestartClient client = service.client();
			HttpResponse<String> settings = client.get("/actuator/hotrestart/settings");
			assertThat(HotRestartClient.<Boolean>read(settings, "$.autoContinue")).isTrue();
			assertThat(HotRestartClient.<Boolean>read(settings, "$.restartAvailable")).isFalse();
			HttpResponse<String> refused = client.post("/actuator/hotrestart/restart");
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
			assertThat(HotRestartClient.<String>read(refused, "$.error")).contains("DevTools restart is not active");
			assertThat(client.post("/actuator/hotrestart/reboot").statusCode()).isEqualTo(400);

			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			client.awaitParked(1);
			SourceFix.of(QUOTE_SERVICE, BUG, FIX).compileInto(service.classesDirectory(), service.classPath());
			long saved = System.nanoTime();
			HttpResponse<String> answer = answer(waiting, service);
			long resumedAfter = Duration.ofNanos(System.nanoTime() - saved).toMillis();
			assertThat(HotRestartClient.<Double>read(answer, "$.total")).isEqualTo(141.75);
			assertThat(service.output()).contains("Resume on save: applied " + QUOTE_SERVICE)
				.doesNotContain(DEVTOOLS_RESTART);
			System.out.printf("Resume on save with the class directory watcher, save to answer: %d ms%n", resumedAfter);
		}
	}

	private static HttpResponse<String> answer(CompletableFuture<HttpResponse<String>> waiting,
			SampleServiceProcess service) {
		await().atMost(WITHIN_SECONDS).until(waiting::isDone);
		try {
			return waiting.join();
		}
		catch (CompletionException ex) {
			throw new AssertionError("No answer for the waiting client:\n" + service.output(), ex);
		}
	}

}

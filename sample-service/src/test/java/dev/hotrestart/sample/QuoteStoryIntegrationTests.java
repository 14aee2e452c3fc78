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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quote story end to end, in a separate JVM over real HTTP: a request fails, parks,
 * the fix is compiled into the running application's class directory, and continue gives
 * the waiting client the fixed answer.
 */
@Timeout(180)
class QuoteStoryIntegrationTests {

	private static final String QUOTE_SERVICE = "dev.hotrestart.sample.quote.QuoteService";

	private static final String BUG = "DISCOUNT_PERCENT_BY_TENS[quantity / 10]";

	private static final String FIX = "DISCOUNT_PERCENT_BY_TENS[Math.min(quantity / 10, DISCOUNT_PERCENT_BY_TENS.length - 1)]";

	private static final String FIX_THAT_STILL_FAILS = "DISCOUNT_PERCENT_BY_TENS[quantity / 5]";

	private static final String FIX_WITH_NEW_LAMBDA = "DISCOUNT_PERCENT_BY_TENS[((java.util.function.IntUnaryOperator) "
			+ "(q) -> Math.min(q / 10, 2)).applyAsInt(quantity)]";

	private static final String FAILING_QUOTE = "/quotes/WIDGET?quantity=35";

	@TempDir
	Path workDirectory;

	@Test
	void failingRequestParksAndContinueAfterFixAnswersTheWaitingClient() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory)) {
			assertThat(service.output()).contains("Hot restart is ON: the application runs from class directory");
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);

			Map<String, Object> failure = client.awaitParked(1).get(0);
			assertThat(failure).containsEntry("method", "QuoteService.quote(String, int)")
				.containsEntry("className", QUOTE_SERVICE)
				.containsEntry("arguments", List.of("WIDGET", "35"))
				.containsEntry("attempt", 1);
			@SuppressWarnings("unchecked")
			Map<String, Object> request = (Map<String, Object>) failure.get("request");
			assertThat(request).containsEntry("method", "GET")
				.containsEntry("uri", FAILING_QUOTE)
				.containsEntry("remote", false)
				.hasEntrySatisfying("clientAddress",
						(address) -> assertThat(address).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
			assertThat(failure.get("thread").toString()).contains("exec");
			assertThat(failure.get("parkedAt").toString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
			@SuppressWarnings("unchecked")
			Map<String, Object> exception = (Map<String, Object>) failure.get("exception");
			assertThat(exception).containsEntry("type", "java.lang.ArrayIndexOutOfBoundsException")
				.containsEntry("message", "Index 3 out of bounds for length 3");
			assertThat(exception.get("stackTrace").toString())
				.contains("at " + QUOTE_SERVICE + ".quote(QuoteService.java");
			String id = failure.get("id").toString();
			assertThat(client.get("/actuator/hotrestart/" + id).body()).contains("\"id\":\"" + id + "\"");

			assertThat(client.get("/quotes/WIDGET?quantity=5").statusCode()).as("other requests are served")
				.isEqualTo(200);
			assertThat(waiting).as("the failing request is still waiting").isNotDone();

			SourceFix.of(QUOTE_SERVICE, BUG, FIX).compileInto(service.classesDirectory(), service.classPath());
			assertThat(client.awaitLatestChange("applied")).as("applied the moment it was compiled")
				.containsEntry("classes", List.of(QUOTE_SERVICE));
			assertThat(waiting).as("applied, not resumed: resume on save is off").isNotDone();
			HttpResponse<String> continued = client.post("/actuator/hotrestart/" + id + "/continue");
			assertThat(continued.statusCode()).as(continued.body()).isEqualTo(200);
			assertThat(HotRestartClient.<String>read(continued, "$.outcome")).isEqualTo("resumed");
			assertThat(HotRestartClient.<List<String>>read(continued, "$.reloaded")).as("nothing left to reload")
				.isEmpty();

			HttpResponse<String> answer = HotRestartClient.join(waiting);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(HotRestartClient.<Double>read(answer, "$.total")).isEqualTo(141.75);
			assertThat(client.failures()).isEmpty();
		}
	}

	@Test
	void abortGivesTheWaitingClientTheOriginalErrorAndUnknownIdsAnswer404() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory)) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			String id = client.awaitParked(1).get(0).get("id").toString();

			HttpResponse<String> unknownAction = client.post("/actuator/hotrestart/" + id + "/retry");
			assertThat(unknownAction.statusCode()).isEqualTo(400);
			assertThat(HotRestartClient.<String>read(unknownAction, "$.error")).contains("Unknown action 'retry'");
			for (String path : List.of("/actuator/hotrestart/999", "/actuator/hotrestart/999/continue",
					"/actuator/hotrestart/999/abort")) {
				HttpResponse<String> response = path.endsWith("999") ? client.get(path) : client.post(path);
				assertThat(response.statusCode()).as(path).isEqualTo(404);
				assertThat(HotRestartClient.<String>read(response, "$.error")).as(path)
					.contains("No parked call has id '999'");
			}
			assertThat(client.failures()).as("bad requests change nothing").hasSize(1);

			HttpResponse<String> aborted = client.post("/actuator/hotrestart/" + id + "/abort");
			assertThat(aborted.statusCode()).isEqualTo(200);
			assertThat(HotRestartClient.<String>read(aborted, "$.outcome")).isEqualTo("aborted");
			HttpResponse<String> answer = HotRestartClient.join(waiting);
			assertThat(answer.statusCode()).isEqualTo(500);
			assertThat(answer.body()).contains("Index 3 out of bounds for length 3");
			assertThat(client.failures()).isEmpty();
			HttpResponse<String> abortedTwice = client.post("/actuator/hotrestart/" + id + "/abort");
			assertThat(abortedTwice.statusCode()).as("aborted twice").isEqualTo(409);
			assertThat(HotRestartClient.<String>read(abortedTwice, "$.error")).contains("has already left (aborted)");
		}
	}

	@Test
	void refusedReloadKeepsTheCallParkedAndAFixThatStillFailsParksAgain() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory)) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			String id = client.awaitParked(1).get(0).get("id").toString();

			SourceFix.of(QUOTE_SERVICE, BUG, FIX_WITH_NEW_LAMBDA)
				.compileInto(service.classesDirectory(), service.classPath());
			HttpResponse<String> refused = client.post("/actuator/hotrestart/" + id + "/continue");
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
			assertThat(HotRestartClient.<String>read(refused, "$.refusals[0].className")).isEqualTo(QUOTE_SERVICE);
			assertThat(HotRestartClient.<String>read(refused, "$.refusals[0].member"))
				.isEqualTo("QuoteService.quote(String,int)");
			assertThat(HotRestartClient.<String>read(refused, "$.refusals[0].cause"))
				.isEqualTo("a new lambda adds method lambda$quote$0, and this JVM cannot add methods");
			assertThat(HotRestartClient.<String>read(refused, "$.advice"))
				.contains("move the new logic into an existing method");
			assertThat(client.awaitAttempt(id, 1)).as("still parked after a refusal").isNotNull();
			assertThat(waiting).isNotDone();

			SourceFix.of(QUOTE_SERVICE, BUG, FIX_THAT_STILL_FAILS)
				.compileInto(service.classesDirectory(), service.classPath());
			HttpResponse<String> failedAgain = client.post("/actuator/hotrestart/" + id + "/continue");
			assertThat(failedAgain.statusCode()).as(failedAgain.body()).isEqualTo(200);
			assertThat(HotRestartClient.<String>read(failedAgain, "$.outcome")).isEqualTo("parked-again");
			assertThat(HotRestartClient.<Integer>read(failedAgain, "$.attempt")).isEqualTo(2);
			assertThat(HotRestartClient.<String>read(failedAgain, "$.exception.message"))
				.isEqualTo("Index 7 out of bounds for length 3");
			assertThat(client.awaitAttempt(id, 2)).containsEntry("id", id);
			assertThat(client.failures()).hasSize(1);

			SourceFix.of(QUOTE_SERVICE, BUG, FIX).compileInto(service.classesDirectory(), service.classPath());
			HttpResponse<String> resumed = client.post("/actuator/hotrestart/" + id + "/continue");
			assertThat(HotRestartClient.<String>read(resumed, "$.outcome")).isEqualTo("resumed");
			assertThat(HotRestartClient.join(waiting).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void twoParkedCallsResumeIndependentlyWithTheJavaAgent() throws Exception {
		String agent = SampleServiceProcess.javaAgentOption(this.workDirectory);
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory, agent)) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> first = client.getAsync(FAILING_QUOTE);
			client.awaitParked(1);
			CompletableFuture<HttpResponse<String>> second = client.getAsync("/quotes/GADGET?quantity=47");
			List<Map<String, Object>> failures = client.awaitParked(2);
			String firstId = failures.get(0).get("id").toString();
			String secondId = failures.get(1).get("id").toString();
			assertThat(failures.get(1).get("arguments")).isEqualTo(List.of("GADGET", "47"));

			SourceFix.of(QUOTE_SERVICE, BUG, FIX).compileInto(service.classesDirectory(), service.classPath());
			HttpResponse<String> continued = client.post("/actuator/hotrestart/" + firstId + "/continue");
			assertThat(HotRestartClient.<String>read(continued, "$.outcome")).isEqualTo("resumed");
			assertThat(HotRestartClient.<Double>read(HotRestartClient.join(first), "$.total")).isEqualTo(141.75);
			assertThat(client.failures()).extracting((failure) -> failure.get("id")).containsExactly(secondId);
			assertThat(second).as("the other call is still parked").isNotDone();

			HttpResponse<String> secondContinued = client.post("/actuator/hotrestart/" + secondId + "/continue");
			assertThat(HotRestartClient.<String>read(secondContinued, "$.outcome")).isEqualTo("resumed");
			assertThat(HotRestartClient.<List<String>>read(secondContinued, "$.reloaded")).as("already reloaded")
				.isEmpty();
			assertThat(HotRestartClient.<Double>read(HotRestartClient.join(second), "$.total")).isEqualTo(507.60);
			assertThat(service.output()).as("no attach needed with the agent").doesNotContain("Attached to this JVM");
		}
	}

}

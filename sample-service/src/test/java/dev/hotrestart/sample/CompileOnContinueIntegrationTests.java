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
 * The quote story with no IDE and no build, end to end in a separate JVM over real HTTP:
 * a request parks, the fix is only saved into the application's source directory (a copy
 * of {@code src/main/java}), as a plain text editor saves it, and continue compiles it,
 * reloads it and gives the waiting client the fixed answer.
 */
@Timeout(600)
class CompileOnContinueIntegrationTests {

	private static final String QUOTE_SERVICE = "dev.hotrestart.sample.quote.QuoteService";

	private static final String BUG = "DISCOUNT_PERCENT_BY_TENS[quantity / 10];";

	private static final String FIX = "DISCOUNT_PERCENT_BY_TENS[Math.min(quantity / 10, DISCOUNT_PERCENT_BY_TENS.length - 1)];";

	private static final String FIX_WITHOUT_SEMICOLON = "DISCOUNT_PERCENT_BY_TENS[Math.min(quantity / 10, 2)]";

	private static final String FAILING_QUOTE = "/quotes/WIDGET?quantity=35";

	@TempDir
	Path workDirectory;

	@Test
	void savingTheFixWithAPlainEditorAndContinuingAnswersTheWaitingClient() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory)) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			String id = client.awaitParked(1).get(0).get("id").toString();

			SourceFix.of(QUOTE_SERVICE, BUG, FIX).saveInto(service.sourcesDirectory());
			HttpResponse<String> continued = client.post("/actuator/hotrestart/" + id + "/continue");

			assertThat(continued.statusCode()).as(continued.body()).isEqualTo(200);
			assertThat(HotRestartClient.<String>read(continued, "$.outcome")).isEqualTo("resumed");
			HttpResponse<String> answer = HotRestartClient.join(waiting);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(HotRestartClient.<Double>read(answer, "$.total")).isEqualTo(141.75);
			assertThat(service.output()).contains("Compiled 1 saved source file(s) in")
				.contains("Reloaded 1 class(es)")
				.contains(QUOTE_SERVICE);
		}
	}

	@Test
	void aSyntaxErrorAnswers422WithFileAndLineAndKeepsTheCallParkedUntilItIsFixed() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory)) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			String id = client.awaitParked(1).get(0).get("id").toString();

			SourceFix broken = SourceFix.of(QUOTE_SERVICE, BUG, FIX_WITHOUT_SEMICOLON);
			Path source = broken.saveInto(service.sourcesDirectory());
			long line = lineOf(broken.source(), FIX_WITHOUT_SEMICOLON);
			HttpResponse<String> notCompiled = client.post("/actuator/hotrestart/" + id + "/continue");

			assertThat(notCompiled.statusCode()).as(notCompiled.body()).isEqualTo(422);
			assertThat(HotRestartClient.<String>read(notCompiled, "$.id")).isEqualTo(id);
			assertThat(HotRestartClient.<String>read(notCompiled, "$.error"))
				.startsWith("The saved source does not compile: QuoteService.java:" + line + ": ';' expected.")
				.contains("the call stays parked");
			assertThat(HotRestartClient.<List<Map<String, Object>>>read(notCompiled, "$.compileErrors")).singleElement()
				.satisfies((error) -> {
					assertThat(error).containsEntry("file", source.toString())
						.containsEntry("line", (int) line)
						.containsEntry("message", "';' expected");
					assertThat(error.get("sourceLine").toString()).contains(FIX_WITHOUT_SEMICOLON);
				});
			assertThat(client.awaitAttempt(id, 1)).as("still parked").isNotNull();
			assertThat(waiting).isNotDone();
			Map<String, Object> atSave = client.awaitLatestChange("compile-failed");
			assertThat(atSave.get("compileErrors").toString()).contains("';' expected");
			assertThat(service.output()).contains("QuoteService.java:" + line + ":").contains("error: ';' expected");

			SourceFix.of(QUOTE_SERVICE, BUG, FIX).saveInto(service.sourcesDirectory());
			HttpResponse<String> resumed = client.post("/actuator/hotrestart/" + id + "/continue");

			assertThat(HotRestartClient.<String>read(resumed, "$.outcome")).as(resumed.body()).isEqualTo("resumed");
			assertThat(HotRestartClient.<Double>read(HotRestartClient.join(waiting), "$.total")).isEqualTo(141.75);
		}
	}

	@Test
	void withResumeOnSaveSavingTheFixAloneAnswersTheWaitingClient() throws Exception {
		SampleServiceProcess.Launch launch = SampleServiceProcess.Launch.forTests()
			.withArguments("--server.port=0", "--spring.main.banner-mode=off",
					SampleServiceProcess.Launch.NO_LIVE_RELOAD, "--hot-restart.auto-continue=true");
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory, launch)) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			client.awaitParked(1);

			SourceFix.of(QUOTE_SERVICE, BUG, FIX).saveInto(service.sourcesDirectory());

			HttpResponse<String> answer = HotRestartClient.join(waiting);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(HotRestartClient.<Double>read(answer, "$.total")).isEqualTo(141.75);
			assertThat(client.failures()).isEmpty();
		}
	}

	@Test
	void inAJvmWithoutACompilerContinueSaysSoAndTheCallStaysParkedUntilTheBuildCompiles() throws Exception {
		// Every module the sample needs, but not jdk.compiler: as a JRE
		String jre = "--limit-modules=java.se,jdk.unsupported,jdk.management,jdk.zipfs,jdk.localedata,jdk.charsets";
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory,
				SampleServiceProcess.javaAgentOption(this.workDirectory), jre)) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			String id = assertContinueSaysThereIsNoCompiler(service, client);

			SourceFix.of(QUOTE_SERVICE, BUG, FIX).compileInto(service.classesDirectory(), service.classPath());
			HttpResponse<String> resumed = client.post("/actuator/hotrestart/" + id + "/continue");
			assertThat(HotRestartClient.<String>read(resumed, "$.outcome"))
				.as("the build compiled it: " + resumed.body())
				.isEqualTo("resumed");
			assertThat(HotRestartClient.join(waiting).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void aRuntimeWithoutTheCompilerApiStartsAndContinueSaysThereIsNoCompiler() throws Exception {
		// java.se without java.compiler and jdk.compiler, as a jlink'd runtime
		String runtime = "--limit-modules=java.base,java.logging,java.sql,java.naming,java.management,java.instrument,"
				+ "java.desktop,java.xml,java.net.http,java.scripting,java.security.jgss,java.rmi,jdk.unsupported,"
				+ "jdk.management,jdk.zipfs,jdk.localedata,jdk.charsets";
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory,
				SampleServiceProcess.javaAgentOption(this.workDirectory), runtime)) {
			HotRestartClient client = service.client();
			client.getAsync(FAILING_QUOTE);
			assertContinueSaysThereIsNoCompiler(service, client);
			assertThat(service.output()).doesNotContain("NoClassDefFoundError");
		}
	}

	private String assertContinueSaysThereIsNoCompiler(SampleServiceProcess service, HotRestartClient client)
			throws Exception {
		String id = client.awaitParked(1).get(0).get("id").toString();
		SourceFix.of(QUOTE_SERVICE, BUG, FIX).saveInto(service.sourcesDirectory());
		HttpResponse<String> unavailable = client.post("/actuator/hotrestart/" + id + "/continue");

		assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(409);
		assertThat(HotRestartClient.<String>read(unavailable, "$.error"))
			.startsWith("QuoteService.java changed since it was compiled, but this JVM has no Java compiler")
			.contains("Run the application on a JDK");
		assertThat(client.awaitAttempt(id, 1)).as("still parked").isNotNull();
		return id;
	}

	private static long lineOf(String source, String text) {
		return source.substring(0, source.indexOf(text)).lines().count();
	}

}

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.hotrestart.testsupport.HotRestartClient;

import static org.awaitility.Awaitility.await;

/**
 * Measures the headline number: once a fix is compiled, how long until the failing work
 * is answered correctly. Hot restart applies a compiled change the moment the build
 * lands, so it is measured three ways: (a) continue, once the change is applied; (a1)
 * continue right after the compile, in a JVM started as an IDE starts it (no
 * {@code -javaagent}), the first continue after start-up; (s) resume on save, from the
 * end of the compile to the answer, no continue at all. With no build at all, the fix
 * only saved to the source file and compiled by hot restart: (e1) continue right after
 * the call parked, in a fresh JVM, while the compiler's warm-up still runs; (e2) continue
 * once the warm-up is done, as when the fix took longer than that; (es) resume on save,
 * from the save to the answer. They are set beside (b) a DevTools restart and the request
 * sent again, and (c) a cold JVM restart and the request sent again. For the billing run,
 * (b) and (c) must also redo the 3,209 accounts before the failing one. Except in (e1),
 * each hot restart run waits {@link #READING_TIME} after the call parked before it makes
 * the fix, as a developer reads the failure before fixing it, and then until the
 * compiler's warm-up (started when the call parks) is done, as a developer takes longer
 * than that to fix; that is when hot restart prepares reloading and compiling in the
 * background. Prints a table of medians and ratios; assertions only check that each run
 * did what it measures.
 * <p>
 * Run:
 * {@code mvn -q install -DskipTests && mvn -q -f sample-service test-compile exec:exec -Dbenchmark=EditToAnswerBenchmark}
 */
public final class EditToAnswerBenchmark {

	private static final String QUOTE_SERVICE = "dev.hotrestart.sample.quote.QuoteService";

	private static final String FAILING_QUOTE = "/quotes/WIDGET?quantity=35";

	private static final String WORK_PER_ACCOUNT = "--sample.billing.work-per-account=2ms";

	// DevTools' own defaults, not the sample's more patient ones: a restart measured at
	// its fastest
	private static final String DEVTOOLS_POLL_INTERVAL = "--spring.devtools.restart.poll-interval=1s";

	private static final String DEVTOOLS_QUIET_PERIOD = "--spring.devtools.restart.quiet-period=400ms";

	/**
	 * How long the developer reads a parked failure before the fix is compiled: far less
	 * than anyone takes to fix a bug.
	 */
	private static final Duration READING_TIME = Duration.ofSeconds(3);

	private static final String SHOW_WARM_UP = "--logging.level.dev.hotrestart.compile=debug";

	private static final String WARMED_UP = "Prepared compiling saved sources";

	private final Path workDirectory;

	private int launches;

	private EditToAnswerBenchmark(Path workDirectory) {
		this.workDirectory = workDirectory;
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0 && !args[0].isBlank()) ? Integer.parseInt(args[0]) : 3;
		EditToAnswerBenchmark benchmark = new EditToAnswerBenchmark(Files.createTempDirectory("edit-to-answer"));
		boolean devTools = isDevToolsPresent();
		long[][] quote = new long[8][runs];
		long[][] job = new long[8][runs];
		for (int run = 0; run < runs; run++) {
			quote[0][run] = benchmark.quoteWithContinueAfterTheChangeIsApplied();
			quote[1][run] = benchmark.quoteWithFirstContinueWithoutAgent();
			quote[2][run] = benchmark.quoteWithResumeOnSave();
			quote[3][run] = benchmark.quoteWithContinueCompilingTheSavedSource(false);
			quote[4][run] = benchmark.quoteWithContinueCompilingTheSavedSource(true);
			quote[5][run] = benchmark.quoteWithResumeOnSaveCompilingTheSavedSource();
			quote[6][run] = devTools ? benchmark.quoteWithDevToolsRestart() : -1;
			quote[7][run] = benchmark.quoteWithColdRestart();
			job[0][run] = benchmark.jobWithContinue();
			job[1][run] = -1;
			job[2][run] = benchmark.jobWithResumeOnSave();
			job[3][run] = benchmark.jobWithContinueCompilingTheSavedSource(false);
			job[4][run] = benchmark.jobWithContinueCompilingTheSavedSource(true);
			job[5][run] = benchmark.jobWithResumeOnSaveCompilingTheSavedSource();
			job[6][run] = devTools ? benchmark.jobWithDevToolsRestart() : -1;
			job[7][run] = benchmark.jobWithColdRestart();
			System.err.printf("run %d of %d done%n", run + 1, runs);
		}
		System.out.printf("Edit-to-answer, median of %d runs (Java %s, %d cores)%n%n", runs,
				Runtime.version().feature(), Runtime.getRuntime().availableProcessors());
		System.out.println("| story | (a) continue, change applied at save | (a1) first continue, no agent "
				+ "| (s) resume on save, save to answer | (e1) no build: continue compiles, fresh JVM "
				+ "| (e2) no build: continue compiles, warmed up | (es) no build: resume on save, save to answer "
				+ "| (b) DevTools restart | (c) cold restart | (b)/(s) | (c)/(s) |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		row("quote request (fix to 200)", quote);
		row("billing run (fix to account 3210 invoiced)", job);
		if (!devTools) {
			System.out.println("\n(b) not measured: spring-boot-devtools is not on the class path");
		}
	}

	private static void row(String story, long[][] nanos) {
		long[] medians = new long[nanos.length];
		for (int column = 0; column < nanos.length; column++) {
			medians[column] = median(nanos[column]);
		}
		long saved = medians[2];
		System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", story, millis(medians[0]),
				millis(medians[1]), millis(saved), millis(medians[3]), millis(medians[4]), millis(medians[5]),
				millis(medians[6]), millis(medians[7]), ratio(medians[6], saved), ratio(medians[7], saved));
	}

	private long quoteWithContinueAfterTheChangeIsApplied() throws Exception {
		try (SampleServiceProcess service = start(hotRestart())) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			String id = client.awaitParked(1).get(0).get("id").toString();
			read();
			service.awaitOutput(WARMED_UP);
			fixQuote(service);
			client.awaitLatestChange("applied");
			long start = System.nanoTime();
			client.post("/actuator/hotrestart/" + id + "/continue");
			check(HotRestartClient.join(waiting).statusCode() == 200, "the waiting client got the fixed answer");
			return System.nanoTime() - start;
		}
	}

	private long quoteWithFirstContinueWithoutAgent() throws Exception {
		try (SampleServiceProcess service = start(hotRestartAsAnIdeStartsIt())) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			String id = client.awaitParked(1).get(0).get("id").toString();
			read();
			service.awaitOutput(WARMED_UP);
			fixQuote(service);
			long start = System.nanoTime();
			client.post("/actuator/hotrestart/" + id + "/continue");
			check(HotRestartClient.join(waiting).statusCode() == 200, "the waiting client got the fixed answer");
			return System.nanoTime() - start;
		}
	}

	private long quoteWithResumeOnSave() throws Exception {
		try (SampleServiceProcess service = start(hotRestartAsAnIdeStartsIt().withArguments(resumeOnSave()))) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			client.awaitParked(1);
			read();
			service.awaitOutput(WARMED_UP);
			fixQuote(service);
			long start = System.nanoTime();
			check(HotRestartClient.join(waiting).statusCode() == 200, "the waiting client got the fixed answer");
			return System.nanoTime() - start;
		}
	}

	private long jobWithResumeOnSave() throws Exception {
		try (SampleServiceProcess service = start(hotRestartAsAnIdeStartsIt().withArguments(resumeOnSave()))) {
			HotRestartClient client = service.client();
			int run = HotRestartClient.read(client.post("/billing-runs"), "$.id");
			client.awaitParked(1);
			read();
			service.awaitOutput(WARMED_UP);
			fixBilling(service);
			long start = System.nanoTime();
			awaitPastFailingAccount(client, run);
			return System.nanoTime() - start;
		}
	}

	private long quoteWithContinueCompilingTheSavedSource(boolean warmedUp) throws Exception {
		try (SampleServiceProcess service = start(hotRestart())) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			String id = client.awaitParked(1).get(0).get("id").toString();
			if (warmedUp) {
				read();
				service.awaitOutput(WARMED_UP);
			}
			quoteFix().saveInto(service.sourcesDirectory());
			long start = System.nanoTime();
			HttpResponse<String> continued = client.post("/actuator/hotrestart/" + id + "/continue");
			check(HotRestartClient.join(waiting).statusCode() == 200, "the waiting client got the fixed answer");
			long elapsed = System.nanoTime() - start;
			check(HotRestartClient.<String>read(continued, "$.outcome").equals("resumed"), "the call resumed");
			check(service.output().contains("Compiled 1 saved source file(s)"), "hot restart compiled the source");
			return elapsed;
		}
	}

	private long quoteWithResumeOnSaveCompilingTheSavedSource() throws Exception {
		try (SampleServiceProcess service = start(hotRestart().withArguments(resumeOnSave()))) {
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			client.awaitParked(1);
			read();
			service.awaitOutput(WARMED_UP);
			long start = System.nanoTime();
			quoteFix().saveInto(service.sourcesDirectory());
			check(HotRestartClient.join(waiting).statusCode() == 200, "the waiting client got the fixed answer");
			long elapsed = System.nanoTime() - start;
			check(service.output().contains("Compiled 1 saved source file(s)"), "hot restart compiled the source");
			return elapsed;
		}
	}

	private long jobWithContinueCompilingTheSavedSource(boolean warmedUp) throws Exception {
		try (SampleServiceProcess service = start(hotRestart())) {
			HotRestartClient client = service.client();
			int run = HotRestartClient.read(client.post("/billing-runs"), "$.id");
			String id = client.awaitParked(1).get(0).get("id").toString();
			if (warmedUp) {
				read();
				service.awaitOutput(WARMED_UP);
			}
			billingFix().saveInto(service.sourcesDirectory());
			long start = System.nanoTime();
			client.post("/actuator/hotrestart/" + id + "/continue");
			awaitPastFailingAccount(client, run);
			long elapsed = System.nanoTime() - start;
			check(service.output().contains("Compiled 1 saved source file(s)"), "hot restart compiled the source");
			return elapsed;
		}
	}

	private long jobWithResumeOnSaveCompilingTheSavedSource() throws Exception {
		try (SampleServiceProcess service = start(hotRestart().withArguments(resumeOnSave()))) {
			HotRestartClient client = service.client();
			int run = HotRestartClient.read(client.post("/billing-runs"), "$.id");
			client.awaitParked(1);
			read();
			service.awaitOutput(WARMED_UP);
			long start = System.nanoTime();
			billingFix().saveInto(service.sourcesDirectory());
			awaitPastFailingAccount(client, run);
			long elapsed = System.nanoTime() - start;
			check(service.output().contains("Compiled 1 saved source file(s)"), "hot restart compiled the source");
			return elapsed;
		}
	}

	private long quoteWithDevToolsRestart() throws Exception {
		try (SampleServiceProcess service = start(withoutHotRestart())) {
			HotRestartClient client = service.client();
			check(client.get(FAILING_QUOTE).statusCode() == 500, "the bug fails the request");
			fixQuote(service);
			long start = System.nanoTime();
			awaitFixedQuote(client);
			long elapsed = System.nanoTime() - start;
			check(service.output().contains("Restarting") || service.output().split("Started Sample").length > 2,
					"DevTools restarted the application");
			return elapsed;
		}
	}

	private long quoteWithColdRestart() throws Exception {
		SampleServiceProcess service = start(withoutHotRestart());
		try {
			check(service.client().get(FAILING_QUOTE).statusCode() == 500, "the bug fails the request");
			fixQuote(service);
			long start = System.nanoTime();
			service = service.restart();
			awaitFixedQuote(service.client());
			return System.nanoTime() - start;
		}
		finally {
			service.close();
		}
	}

	private long jobWithContinue() throws Exception {
		try (SampleServiceProcess service = start(hotRestart())) {
			HotRestartClient client = service.client();
			int run = HotRestartClient.read(client.post("/billing-runs"), "$.id");
			String id = client.awaitParked(1).get(0).get("id").toString();
			read();
			service.awaitOutput(WARMED_UP);
			fixBilling(service);
			long start = System.nanoTime();
			client.post("/actuator/hotrestart/" + id + "/continue");
			awaitPastFailingAccount(client, run);
			return System.nanoTime() - start;
		}
	}

	private long jobWithDevToolsRestart() throws Exception {
		try (SampleServiceProcess service = start(withoutHotRestart())) {
			HotRestartClient client = service.client();
			awaitFailedRun(client, HotRestartClient.read(client.post("/billing-runs"), "$.id"));
			fixBilling(service);
			long start = System.nanoTime();
			awaitRestarted(client);
			awaitPastFailingAccount(client, HotRestartClient.read(client.post("/billing-runs"), "$.id"));
			return System.nanoTime() - start;
		}
	}

	private long jobWithColdRestart() throws Exception {
		SampleServiceProcess service = start(withoutHotRestart());
		try {
			HotRestartClient client = service.client();
			awaitFailedRun(client, HotRestartClient.read(client.post("/billing-runs"), "$.id"));
			fixBilling(service);
			long start = System.nanoTime();
			service = service.restart();
			client = service.client();
			awaitPastFailingAccount(client, HotRestartClient.read(client.post("/billing-runs"), "$.id"));
			return System.nanoTime() - start;
		}
		finally {
			service.close();
		}
	}

	private SampleServiceProcess start(SampleServiceProcess.Launch launch) throws Exception {
		this.launches++;
		return SampleServiceProcess.start(Files.createDirectories(this.workDirectory.resolve("run-" + this.launches)),
				launch);
	}

	private SampleServiceProcess.Launch hotRestart() throws Exception {
		return SampleServiceProcess.Launch.forTests()
			.withJvmOptions(SampleServiceProcess.javaAgentOption(this.workDirectory))
			.withArguments("--server.port=0", WORK_PER_ACCOUNT, "--spring.main.banner-mode=off",
					SampleServiceProcess.Launch.NO_LIVE_RELOAD, DEVTOOLS_POLL_INTERVAL, DEVTOOLS_QUIET_PERIOD,
					SHOW_WARM_UP);
	}

	private SampleServiceProcess.Launch hotRestartAsAnIdeStartsIt() {
		List<String> options = new ArrayList<>();
		if (Runtime.version().feature() >= 21) {
			options.add("-XX:+EnableDynamicAgentLoading");
		}
		return SampleServiceProcess.Launch.forTests()
			.withJvmOptions(options.toArray(String[]::new))
			.withArguments("--server.port=0", WORK_PER_ACCOUNT, "--spring.main.banner-mode=off",
					SampleServiceProcess.Launch.NO_LIVE_RELOAD, DEVTOOLS_POLL_INTERVAL, DEVTOOLS_QUIET_PERIOD,
					SHOW_WARM_UP);
	}

	private static String[] resumeOnSave() {
		return new String[] { "--server.port=0", WORK_PER_ACCOUNT, "--spring.main.banner-mode=off",
				SampleServiceProcess.Launch.NO_LIVE_RELOAD, DEVTOOLS_POLL_INTERVAL, DEVTOOLS_QUIET_PERIOD, SHOW_WARM_UP,
				"--hot-restart.auto-continue=true" };
	}

	private static SampleServiceProcess.Launch withoutHotRestart() {
		return SampleServiceProcess.Launch.forTests()
			.withArguments("--server.port=0", WORK_PER_ACCOUNT, "--spring.main.banner-mode=off",
					SampleServiceProcess.Launch.NO_LIVE_RELOAD, DEVTOOLS_POLL_INTERVAL, DEVTOOLS_QUIET_PERIOD,
					"--hot-restart.enabled=false");
	}

	private static void read() throws InterruptedException {
		Thread.sleep(READING_TIME.toMillis());
	}

	private static void fixQuote(SampleServiceProcess service) throws Exception {
		quoteFix().compileInto(service.classesDirectory(), service.classPath());
	}

	private static void fixBilling(SampleServiceProcess service) throws Exception {
		billingFix().compileInto(service.classesDirectory(), service.classPath());
	}

	private static SourceFix quoteFix() throws Exception {
		return SourceFix.of(QUOTE_SERVICE, "DISCOUNT_PERCENT_BY_TENS[quantity / 10]",
				"DISCOUNT_PERCENT_BY_TENS[Math.min(quantity / 10, DISCOUNT_PERCENT_BY_TENS.length - 1)]");
	}

	private static SourceFix billingFix() throws Exception {
		return SourceFix.of("dev.hotrestart.sample.billing.InvoiceCalculator", "VAT_RATES.get(account.countryCode())",
				"VAT_RATES.getOrDefault(account.countryCode(), BigDecimal.ZERO)");
	}

	private static void awaitFixedQuote(HotRestartClient client) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(20))
			.ignoreExceptions()
			.until(() -> client.get(FAILING_QUOTE).statusCode() == 200);
	}

	private static void awaitRestarted(HotRestartClient client) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(20))
			.ignoreExceptions()
			.until(() -> client.get("/billing-runs/1").statusCode() == 404);
	}

	private static void awaitFailedRun(HotRestartClient client, int run) {
		await().atMost(Duration.ofSeconds(120))
			.until(() -> "FAILED".equals(HotRestartClient.read(client.get("/billing-runs/" + run), "$.state")));
	}

	private static void awaitPastFailingAccount(HotRestartClient client, int run) {
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> HotRestartClient.<Integer>read(client.get("/billing-runs/" + run),
					"$.accountsVisited") > 3210);
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String millis(long nanos) {
		if (nanos < 0) {
			return "n/a";
		}
		return (nanos >= 10_000_000_000L) ? String.format("%.1f s", nanos / 1e9)
				: String.format("%d ms", nanos / 1_000_000);
	}

	private static String ratio(long numerator, long denominator) {
		if (numerator < 0 || denominator <= 0) {
			return "n/a";
		}
		return String.format("%.0fx", (double) numerator / denominator);
	}

	private static boolean isDevToolsPresent() {
		try {
			Class.forName("org.springframework.boot.devtools.restart.Restarter", false,
					EditToAnswerBenchmark.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	private static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("Benchmark broken: expected that " + what);
		}
	}

}

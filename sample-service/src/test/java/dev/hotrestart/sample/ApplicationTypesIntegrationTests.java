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

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.apps.job.InvoiceCalculator;
import dev.hotrestart.apps.job.InvoiceJobApplication;
import dev.hotrestart.apps.reactive.ReactiveQuoteApplication;
import dev.hotrestart.apps.reactive.ReactiveQuoteService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hot restart in the kinds of application other than the sample's servlet one, each
 * launched as a JVM of its own from a class directory, with only the jars such an
 * application has: a WebFlux application on Reactor Netty with a single I/O thread, and a
 * batch job without a web server, decided from standard input.
 */
@Timeout(300)
class ApplicationTypesIntegrationTests {

	private static final Path TEST_SOURCES = Path.of("src", "test", "java");

	private static final List<String> SERVLET_STACK = List.of("jakarta.servlet-api-", "tomcat-embed-", "spring-webmvc-",
			"spring-boot-webmvc-", "spring-boot-tomcat-", "spring-boot-servlet-", "spring-boot-starter-tomcat",
			"spring-boot-starter-webmvc-");

	private static final List<String> REACTIVE_STACK = List.of("spring-webflux-", "spring-boot-webflux-",
			"reactor-netty-", "spring-boot-reactor-netty-", "spring-boot-netty-", "netty-",
			"spring-boot-starter-webflux-", "spring-boot-starter-reactor-netty-", "spring-boot-http-codec-");

	private static final List<String> NEITHER_APPLICATION_HAS = List.of("spring-boot-devtools-",
			"spring-boot-starter-jdbc-", "spring-boot-jdbc-", "spring-jdbc-", "HikariCP-", "h2-", "postgresql-",
			"spring-boot-testcontainers-", "testcontainers-");

	private static final Pattern NETTY_PORT = Pattern.compile("Netty started on port (\\d+)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path workDirectory;

	@Test
	void webFluxApplicationParksMonosWithoutAThreadAndKeepsServingOnOneIoThread() throws Exception {
		Predicate<String> missing = ApplicationProcess.jarsNamed(concat(SERVLET_STACK, NEITHER_APPLICATION_HAS));
		List<String> jvmOptions = List.of(SampleServiceProcess.javaAgentOption(this.workDirectory),
				"-Dreactor.netty.ioWorkerCount=1");
		try (ApplicationProcess application = ApplicationProcess.start(this.workDirectory,
				ReactiveQuoteApplication.class, missing, jvmOptions,
				List.of("--server.port=0", "--spring.main.banner-mode=off"))) {
			int port = Integer.parseInt(application.awaitMatch(NETTY_PORT));
			assertThat(application.output()).contains("Hot restart is ON: the application runs from class directory")
				.contains("Parked failures: /actuator/hotrestart");

			List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
			for (int quantity = 35; quantity <= 37; quantity++) {
				waiting.add(getAsync(port, "/quotes/WIDGET?quantity=" + quantity));
			}
			List<Map<String, Object>> failures = awaitParked(port, 3);
			assertThat(failures).extracting((failure) -> failure.get("method"))
				.containsOnly("ReactiveQuoteService.quote(String, int)");
			assertThat(failures).extracting((failure) -> failure.get("request"))
				.anySatisfy((request) -> assertThat(request).asInstanceOf(InstanceOfAssertFactories.MAP)
					.containsEntry("method", "GET")
					.containsEntry("uri", "/quotes/WIDGET?quantity=35")
					.containsEntry("remote", false));

			HttpResponse<String> onEventLoop = get(port, "/products/GADGET");
			assertThat(onEventLoop.statusCode()).as("a blocking call on the event loop fails at once").isEqualTo(500);
			application.awaitOutput("Not parking ReactiveQuoteService.describe(String)");
			assertThat(application.output()).contains("a non-blocking thread", "Return a Mono");
			assertThat(get(port, "/ping").body()).as("the one I/O thread serves other requests").isEqualTo("pong");
			HttpResponse<String> console = get(port, "/hot-restart/");
			assertThat(console.statusCode()).isEqualTo(200);
			assertThat(console.body()).contains("../actuator/hotrestart");
			assertThat(waiting).noneMatch(CompletableFuture::isDone);

			SourceFix
				.of(TEST_SOURCES, ReactiveQuoteService.class.getName(), "DISCOUNT_PERCENT_BY_TENS[quantity / 10]",
						"DISCOUNT_PERCENT_BY_TENS[Math.min(quantity / 10, DISCOUNT_PERCENT_BY_TENS.length - 1)]")
				.compileInto(application.classesDirectory(), application.classPath());
			for (Map<String, Object> failure : failures) {
				HttpResponse<String> continued = post(port, "/actuator/hotrestart/" + failure.get("id") + "/continue");
				assertThat(continued.statusCode()).as(continued.body()).isEqualTo(200);
				assertThat(JsonPath.<String>read(continued.body(), "$.outcome")).isEqualTo("resumed");
			}
			assertThat(waiting).extracting((response) -> response.get(30, TimeUnit.SECONDS).body())
				.containsExactly("WIDGET x 35 = 141.75", "WIDGET x 36 = 145.80", "WIDGET x 37 = 149.85");
		}
	}

	@Test
	void jobWithoutAWebServerParksThenContinuesFromStandardInputAndExits() throws Exception {
		Predicate<String> missing = ApplicationProcess
			.jarsNamed(concat(SERVLET_STACK, REACTIVE_STACK, NEITHER_APPLICATION_HAS, List.of("spring-web-")))
			.or(ApplicationProcess.jarsNamed(List.of("reactor-core-")));
		try (ApplicationProcess job = ApplicationProcess.start(this.workDirectory, InvoiceJobApplication.class, missing,
				List.of(SampleServiceProcess.javaAgentOption(this.workDirectory)),
				List.of("--spring.main.banner-mode=off"))) {
			job.awaitOutput("[hot-restart] Call 1 parked: InvoiceCalculator.invoice(Account)");
			assertThat(job.output()).contains("Hot restart is ON", "type continue, abort or list on standard input")
				.contains("  arguments: Account[id=13, countryCode=XK, amount=1300]")
				.contains("  exception: java.lang.NullPointerException")
				.contains("  at " + InvoiceCalculator.class.getName() + ".invoice(InvoiceCalculator.java:")
				.contains("  Fix and recompile, then type: continue 1 (c), abort 1 (a), list (l)")
				.contains("Invoiced account 12")
				.doesNotContain("Invoiced account 13");

			job.type("list");
			job.awaitOutput("[hot-restart] 1 parked call:\n  1  InvoiceCalculator.invoice(Account)  attempt 1");
			SourceFix
				.of(TEST_SOURCES, InvoiceCalculator.class.getName(), "VAT_RATES.get(account.countryCode())",
						"VAT_RATES.getOrDefault(account.countryCode(), BigDecimal.ZERO)")
				.compileInto(job.classesDirectory(), job.classPath());
			job.type("continue");

			job.awaitOutput("[hot-restart] Call 1: resumed. Reloaded InvoiceCalculator. Its caller got the answer.");
			job.awaitOutput("Job done: invoiced 20 accounts, total 24743.00");
			assertThat(job.awaitExit(Duration.ofSeconds(60))).as("the JVM exits while its standard input stays open")
				.isTrue();
			assertThat(job.exitValue()).isZero();
		}
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
	}

	private List<Map<String, Object>> awaitParked(int port, int count) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> JsonPath.<List<Map<String, Object>>>read(get(port, "/actuator/hotrestart").body(),
					"$.failures"), (failures) -> failures.size() == count);
	}

	private CompletableFuture<HttpResponse<String>> getAsync(int port, String path) {
		return this.http.sendAsync(request(port, path).GET().build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(request(port, path).GET().build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> post(int port, String path) throws Exception {
		return this.http.send(request(port, path).POST(HttpRequest.BodyPublishers.noBody()).build(),
				BodyHandlers.ofString());
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(20));
	}

}

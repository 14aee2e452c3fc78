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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with virtual threads ({@code spring.threads.virtual.enabled=true}) in a JVM
 * of its own with two carrier threads: more requests park than there are carriers, and
 * the application keeps serving, since a parked virtual thread waits on a
 * {@code java.util.concurrent} lock and does not pin its carrier.
 */
@Timeout(300)
@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "Virtual threads exist from Java 21 on; this JVM is older")
class VirtualThreadsIntegrationTests {

	private static final String QUOTE_SERVICE = "dev.hotrestart.sample.quote.QuoteService";

	private static final int CARRIERS = 2;

	private static final int PARKED = 3 * CARRIERS;

	@TempDir
	Path workDirectory;

	@Test
	void moreParkedVirtualThreadsThanCarriersLeaveTheApplicationServing() throws Exception {
		SampleServiceProcess.Launch forTests = SampleServiceProcess.Launch.forTests();
		SampleServiceProcess.Launch launch = forTests
			.withJvmOptions("-Djdk.virtualThreadScheduler.parallelism=" + CARRIERS,
					"-Djdk.virtualThreadScheduler.maxPoolSize=" + CARRIERS)
			.withArguments(Stream
				.concat(forTests.arguments().stream(),
						Stream.of("--spring.threads.virtual.enabled=true", "--hot-restart.max-parked=" + (PARKED + 2)))
				.toArray(String[]::new));
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory, launch)) {
			HotRestartClient client = service.client();
			List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
			for (int quantity = 30; quantity < 30 + PARKED; quantity++) {
				waiting.add(client.getAsync("/quotes/WIDGET?quantity=" + quantity));
			}
			List<Map<String, Object>> failures = client.awaitParked(PARKED);
			assertThat(failures).extracting((failure) -> failure.get("thread").toString())
				.as("one virtual thread of Tomcat's for each parked request")
				.doesNotHaveDuplicates()
				.allSatisfy((thread) -> assertThat(thread).startsWith("tomcat-handler-"));

			HttpResponse<String> healthy = client.get("/quotes/WIDGET?quantity=5");
			assertThat(healthy.statusCode()).as("served with every carrier's virtual threads parked").isEqualTo(200);

			SourceFix
				.of(QUOTE_SERVICE, "DISCOUNT_PERCENT_BY_TENS[quantity / 10]",
						"DISCOUNT_PERCENT_BY_TENS[Math.min(quantity / 10, DISCOUNT_PERCENT_BY_TENS.length - 1)]")
				.compileInto(service.classesDirectory(), service.classPath());
			for (Map<String, Object> failure : failures) {
				HttpResponse<String> continued = client.post("/actuator/hotrestart/" + failure.get("id") + "/continue");
				assertThat(continued.statusCode()).as(continued.body()).isEqualTo(200);
				assertThat(HotRestartClient.<String>read(continued, "$.outcome")).isEqualTo("resumed");
			}
			for (CompletableFuture<HttpResponse<String>> response : waiting) {
				assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
			}
			assertThat(client.awaitParked(0)).isEmpty();
		}
	}

}

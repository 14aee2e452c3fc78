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
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hot-restart.pointcut} over the whole sample, in a separate JVM over real HTTP:
 * with AspectJ, every bean class of the sample is opted in and the sample serves as
 * before; without AspectJ on the class path, the pointcut is ignored with a warning and
 * the annotated methods still park.
 */
@Timeout(180)
class PointcutIntegrationTests {

	private static final String POINTCUT = "--hot-restart.pointcut=within(dev.hotrestart.sample..*)";

	private static final String FAILING_QUOTE = "/quotes/WIDGET?quantity=35";

	@TempDir
	Path workDirectory;

	@Test
	void pointcutOverTheWholeSampleOptsInItsBeansAndTheInnermostAdvisedMethodParks() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory,
				SampleServiceProcess.Launch.forTests().withMoreArguments(POINTCUT))) {
			service.awaitOutput("hot-restart.pointcut 'within(dev.hotrestart.sample..*)' advises methods of 5 bean "
					+ "classes: BillingController, BillingJob, InvoiceCalculator, QuoteController, QuoteService");
			HotRestartClient client = service.client();
			assertThat(client.get("/quotes/WIDGET?quantity=5").statusCode()).isEqualTo(200);

			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			assertThat(client.awaitParked(1).get(0)).containsEntry("method", "QuoteService.quote(String, int)");
			String id = client.failures().get(0).get("id").toString();
			assertThat(client.post("/actuator/hotrestart/" + id + "/abort").statusCode()).isEqualTo(200);

			HttpResponse<String> answer = HotRestartClient.join(waiting);
			assertThat(answer.statusCode()).as("the aborted exception passed the opted-in controller").isEqualTo(500);
			assertThat(client.failures()).isEmpty();
			assertThat(service.output()).doesNotContain("@HotRestart on");
		}
	}

	@Test
	void withoutAspectJThePointcutIsIgnoredWithAWarningAndAnnotatedMethodsStillPark() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory,
				SampleServiceProcess.Launch.forTests()
					.withMoreArguments(POINTCUT)
					.withoutClassPathEntries((entry) -> entry.contains("aspectjweaver")))) {
			assertThat(service.output()).contains("hot-restart.pointcut is set to 'within(dev.hotrestart.sample..*)', "
					+ "but AspectJ is not on the class path, so only @HotRestart methods are advised.");
			HotRestartClient client = service.client();
			CompletableFuture<HttpResponse<String>> waiting = client.getAsync(FAILING_QUOTE);
			assertThat(client.awaitParked(1).get(0)).containsEntry("method", "QuoteService.quote(String, int)");
			String id = client.failures().get(0).get("id").toString();
			assertThat(client.post("/actuator/hotrestart/" + id + "/abort").statusCode()).isEqualTo(200);
			assertThat(HotRestartClient.join(waiting).statusCode()).isEqualTo(500);
		}
	}

}

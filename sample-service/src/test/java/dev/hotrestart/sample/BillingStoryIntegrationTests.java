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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The billing story end to end, in a separate JVM: a long run fails at account 3210,
 * parks there, and after the fix continue resumes at that account instead of starting
 * over.
 */
@Timeout(180)
class BillingStoryIntegrationTests {

	private static final String INVOICE_CALCULATOR = "dev.hotrestart.sample.billing.InvoiceCalculator";

	@TempDir
	Path workDirectory;

	@Test
	void billingRunResumesAtTheFailingAccount() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory)) {
			HotRestartClient client = service.client();
			HttpResponse<String> started = client.post("/billing-runs");
			assertThat(started.statusCode()).isEqualTo(202);
			int runId = HotRestartClient.read(started, "$.id");

			Map<String, Object> failure = client.awaitParked(1).get(0);
			assertThat(failure).containsEntry("method", "InvoiceCalculator.invoice(Account)")
				.containsEntry("thread", "billing-run-" + runId)
				.containsEntry("request", null);
			assertThat((List<?>) failure.get("arguments")).singleElement()
				.asString()
				.startsWith("Account[id=3210, name=Customer 3210, countryCode=XK");
			HttpResponse<String> run = client.get("/billing-runs/" + runId);
			assertThat(HotRestartClient.<Integer>read(run, "$.accountsVisited")).isEqualTo(3210);
			assertThat(HotRestartClient.<String>read(run, "$.state")).isEqualTo("RUNNING");
			assertThat(HotRestartClient.<Integer>read(client.get("/invoices/summary"), "$.invoices"))
				.as("the failed attempt's invoice was rolled back before parking")
				.isEqualTo(3209);

			SourceFix
				.of(INVOICE_CALCULATOR, "VAT_RATES.get(account.countryCode())",
						"VAT_RATES.getOrDefault(account.countryCode(), BigDecimal.ZERO)")
				.compileInto(service.classesDirectory(), service.classPath());
			HttpResponse<String> continued = client.post("/actuator/hotrestart/" + failure.get("id") + "/continue");
			assertThat(continued.statusCode()).as(continued.body()).isEqualTo(200);
			assertThat(HotRestartClient.<String>read(continued, "$.outcome")).isEqualTo("resumed");

			HttpResponse<String> finished = await().atMost(Duration.ofSeconds(60))
				.until(() -> client.get("/billing-runs/" + runId),
						(response) -> !"RUNNING".equals(HotRestartClient.read(response, "$.state")));
			assertThat(HotRestartClient.<String>read(finished, "$.state")).isEqualTo("COMPLETED");
			assertThat(HotRestartClient.<Integer>read(finished, "$.accountsVisited")).as("resumed, not started over")
				.isEqualTo(5000);
			assertThat(HotRestartClient.<Integer>read(client.get("/invoices/summary"), "$.invoices")).isEqualTo(5000);
		}
	}

}

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both stories show the local variables of their failing frames, end to end in a separate
 * JVM: with the hot-restart jar as {@code -javaagent} from the first failure on (once the
 * application is ready); launched as an IDE does, without it, from the attempt after the
 * first park on (a continue without a change).
 */
@Timeout(240)
class LocalsIntegrationTests {

	private static final String QUOTE_SERVICE = "dev.hotrestart.sample.quote.QuoteService";

	private static final String INVOICE_CALCULATOR = "dev.hotrestart.sample.billing.InvoiceCalculator";

	@TempDir
	Path workDirectory;

	@Test
	void withTheAgentTheFirstFailureOfEachStoryShowsItsLocals() throws Exception {
		String agent = SampleServiceProcess.javaAgentOption(this.workDirectory);
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory, agent)) {
			// In the background once the application is ready, never on its start-up path
			service.awaitOutput("Recording the local variables of application frames from now on");
			HotRestartClient client = service.client();
			client.getAsync("/quotes/WIDGET?quantity=35");
			Map<String, Object> quote = client.awaitParked(1).get(0);
			assertThat(quote).containsEntry("localsCapture", "captured");
			assertThat(localsOf(quote, QUOTE_SERVICE, "quote")).as("discountPercent is not assigned yet")
				.containsExactly(Map.entry("sku", "WIDGET"), Map.entry("quantity", "35"),
						Map.entry("unitPrice", "4.50"));
			assertThat(client.post("/actuator/hotrestart/" + quote.get("id") + "/abort").statusCode()).isEqualTo(200);

			assertThat(client.post("/billing-runs").statusCode()).isEqualTo(202);
			Map<String, Object> invoice = client.awaitParked(1).get(0);
			assertThat(invoice).containsEntry("localsCapture", "captured");
			assertInvoiceLocals(localsOf(invoice, INVOICE_CALCULATOR, "invoice"));
			assertThat(service.output()).as("no attach with the agent")
				.doesNotContain("Attached to this JVM")
				.doesNotContain("continue a parked call, even without a change");
		}
	}

	@Test
	void withoutTheAgentTheAttemptAfterTheFirstParkShowsItsLocals() throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(this.workDirectory)) {
			HotRestartClient client = service.client();
			assertThat(client.post("/billing-runs").statusCode()).isEqualTo(202);
			Map<String, Object> invoice = client.awaitParked(1).get(0);
			String id = invoice.get("id").toString();
			assertThat(invoice).containsEntry("localsCapture", "next-attempt");
			assertThat(localsOf(invoice, INVOICE_CALCULATOR, "invoice")).isNull();
			service.awaitOutput("Recording the local variables of application frames from now on");

			HttpResponse<String> continued = client.post("/actuator/hotrestart/" + id + "/continue");
			assertThat(HotRestartClient.<String>read(continued, "$.outcome")).as(continued.body())
				.isEqualTo("parked-again");
			Map<String, Object> again = client.awaitAttempt(id, 2);
			assertThat(again).containsEntry("localsCapture", "captured");
			assertInvoiceLocals(localsOf(again, INVOICE_CALCULATOR, "invoice"));
			assertThat(frames(again)).as("the frames the parked thread still runs keep their files and lines")
				.filteredOn((frame) -> "dev.hotrestart.sample.billing.BillingJob".equals(frame.get("className")))
				.isNotEmpty()
				.allSatisfy((frame) -> assertThat(frame.get("file")).isEqualTo("BillingJob.java"));

			client.getAsync("/quotes/WIDGET?quantity=35");
			Map<String, Object> quote = client.awaitParked(2)
				.stream()
				.filter((failure) -> !id.equals(failure.get("id")))
				.findFirst()
				.orElseThrow();
			assertThat(quote).as("recording goes on for every later failure")
				.containsEntry("localsCapture", "captured");
			assertThat(localsOf(quote, QUOTE_SERVICE, "quote")).containsEntry("unitPrice", "4.50");
		}
	}

	private static void assertInvoiceLocals(Map<String, String> locals) {
		assertThat(locals).containsOnlyKeys("account", "net", "vatRate")
			.containsEntry("net", "20.00")
			.containsEntry("vatRate", "null");
		assertThat(locals.get("account")).startsWith("Account[id=3210, name=Customer 3210, countryCode=XK");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> frames(Map<String, Object> failure) {
		return (List<Map<String, Object>>) ((Map<String, Object>) failure.get("exception")).get("frames");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> localsOf(Map<String, Object> failure, String className, String method) {
		Map<String, Object> frame = frames(failure).stream()
			.filter((candidate) -> className.equals(candidate.get("className"))
					&& method.equals(candidate.get("method")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No frame " + className + "." + method + " in " + failure));
		return (Map<String, String>) frame.get("locals");
	}

}

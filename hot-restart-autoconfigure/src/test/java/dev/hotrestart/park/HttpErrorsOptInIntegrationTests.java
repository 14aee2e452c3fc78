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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.testapp.TestApplication;
import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@code hot-restart.park-http-errors=true} and a short
 * {@code hot-restart.park-timeout}.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hot-restart.enabled=true", "hot-restart.park-http-errors=true", "hot-restart.park-timeout=2s",
				"spring.main.banner-mode=off", "spring.web.error.include-message=always" })
@Timeout(120)
class HttpErrorsOptInIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ParkingLot parkingLot;

	@Test
	void intentionalHttpErrorsParkWhenAskedToAndTimeOutWithTheOriginalAnswer() {
		HotRestartClient client = new HotRestartClient(this.port);

		// Each call is checked on its own, from the history once it has left: two calls
		// that had to be parked at the same time could not both be seen within 2 s on a
		// busy machine
		HttpResponse<String> conflict = client.get("/conflict");
		HttpResponse<String> notFound = client.get("/not-found");

		// hot-restart.park-timeout=2s: both give up with their original exception
		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(conflict.body()).contains("Taken: an intentional HTTP error");
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(this.parkingLot.getHistory().getEntries()).filteredOn((call) -> call.outcome() == Outcome.TIMED_OUT)
			.extracting((call) -> call.site().method())
			.contains("Work.conflict()", "Work.notFound()");
		assertThat(client.failures()).isEmpty();

		String timedOut = this.parkingLot.getHistory()
			.getEntries()
			.stream()
			.filter((call) -> call.site().method().equals("Work.conflict()"))
			.findFirst()
			.orElseThrow()
			.id();
		HttpResponse<String> late = client.post("/actuator/hotrestart/" + timedOut + "/continue");
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(HotRestartClient.<String>read(late, "$.error"))
			.startsWith("Parked call '" + timedOut + "' has already left (timed-out)");
	}

}

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
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

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
class HttpErrorsOptInIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void intentionalHttpErrorsParkWhenAskedToAndTimeOutWithTheOriginalAnswer() {
		HotRestartClient client = new HotRestartClient(this.port);
		CompletableFuture<HttpResponse<String>> conflict = client.getAsync("/conflict");
		CompletableFuture<HttpResponse<String>> notFound = client.getAsync("/not-found");
		assertThat(client.awaitParked(2)).extracting((failure) -> failure.get("method"))
			.containsExactlyInAnyOrder("Work.conflict()", "Work.notFound()");

		// hot-restart.park-timeout=2s: both give up with their original exception
		assertThat(conflict.join().statusCode()).isEqualTo(409);
		assertThat(conflict.join().body()).contains("Taken: an intentional HTTP error");
		assertThat(notFound.join().statusCode()).isEqualTo(404);
		assertThat(client.failures()).isEmpty();
	}

}

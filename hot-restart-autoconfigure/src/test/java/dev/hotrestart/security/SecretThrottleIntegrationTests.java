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

package dev.hotrestart.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.testapp.TestApplication;
import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the throttling of wrong secrets. The guesses come from this
 * machine, whose requests pass without a secret but are checked when they carry one, so
 * the test needs no other address.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hot-restart.enabled=true", "hot-restart.remote.secret=" + SecretThrottleIntegrationTests.SECRET,
				"spring.main.banner-mode=off" })
class SecretThrottleIntegrationTests {

	static final String SECRET = "throttled-s3cret";

	@LocalServerPort
	private int port;

	@Test
	void repeatedWrongSecretsAreAnsweredWith429AndRetryAfterEvenWhenTheSecretIsRight() {
		HotRestartClient client = new HotRestartClient(this.port);
		int refused = 0;
		HttpResponse<String> response = withSecret(client, "guess-0");
		while (response.statusCode() == 403 && refused < 100) {
			refused++;
			response = withSecret(client, "guess-" + refused);
		}
		assertThat(refused).as("wrong secrets refused before the throttle").isBetween(3, 10);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 3600));
		assertThat(HotRestartClient.<Map<String, Object>>read(response, "$")).containsOnlyKeys("error");
		assertThat(HotRestartClient.<String>read(response, "$.error")).contains("Too many", "X-Hot-Restart-Secret");

		assertThat(withSecret(client, SECRET).statusCode()).as("the right secret, while throttled").isEqualTo(429);
		assertThat(client.get("/actuator/hotrestart").statusCode())
			.as("this machine without a secret, as the console asks")
			.isEqualTo(200);
	}

	private static HttpResponse<String> withSecret(HotRestartClient client, String secret) {
		return client.send(client.request("/actuator/hotrestart").header("X-Hot-Restart-Secret", secret).GET().build());
	}

}

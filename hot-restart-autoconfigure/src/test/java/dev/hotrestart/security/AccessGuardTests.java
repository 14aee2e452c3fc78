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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import dev.hotrestart.connection.ClientAddress;
import dev.hotrestart.connection.ClientAddress.Basis;

import static dev.hotrestart.security.AccessRulesTests.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AccessGuard}.
 *
 * @author hot-restart authors
 */
class AccessGuardTests {

	private static final String SECRET = "guarded-s3cret";

	private static final ClientAddress OTHER_HOST = new ClientAddress("192.0.2.9", false, Basis.PEER);

	private static final ClientAddress THIS_MACHINE = new ClientAddress("127.0.0.1", true, Basis.PEER);

	private final MutableClock clock = new MutableClock();

	private final AccessGuard guard = new AccessGuard(new AccessRules(SECRET), 3, this.clock);

	@Test
	void refusalIsA403WithOnlyAnErrorInItsBody() {
		AccessRefusal refusal = this.guard.check(request(OTHER_HOST).build(), "GET /actuator/hotrestart");
		assertThat(refusal.status()).isEqualTo(403);
		assertThat(refusal.retryAfterSeconds()).isNull();
		String body = new String(refusal.body(), StandardCharsets.UTF_8);
		assertThat(JsonPath.<Map<String, Object>>read(body, "$")).containsOnlyKeys("error");
		assertThat(JsonPath.<String>read(body, "$.error")).isEqualTo(AccessRules.SECRET_REFUSAL);
	}

	@Test
	void wrongSecretsLockTheClientOutWith429AndRetryAfterEvenForTheRightOne() {
		for (int i = 0; i < 3; i++) {
			assertThat(check(OTHER_HOST, "wrong-" + i).status()).isEqualTo(403);
		}
		AccessRefusal throttled = check(OTHER_HOST, SECRET);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.retryAfterSeconds()).isEqualTo("60");
		assertThat(JsonPath.<String>read(new String(throttled.body(), StandardCharsets.UTF_8), "$.error"))
			.contains("Too many", "Retry-After");
		this.clock.advance(Duration.ofSeconds(59).plusMillis(1));
		assertThat(check(OTHER_HOST, SECRET).retryAfterSeconds()).as("rounded up").isEqualTo("1");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(check(OTHER_HOST, SECRET)).isNull();
	}

	@Test
	void requestsWithoutASecretAreNoGuesses() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.guard.check(request(OTHER_HOST).build(), "GET /").status()).isEqualTo(403);
		}
		assertThat(check(OTHER_HOST, SECRET)).isNull();
	}

	@Test
	void thisMachineWithoutASecretIsNeverThrottled() {
		for (int i = 0; i < 3; i++) {
			check(THIS_MACHINE, "wrong-" + i);
		}
		assertThat(check(THIS_MACHINE, SECRET).status()).isEqualTo(429);
		assertThat(this.guard.check(request(THIS_MACHINE).build(), "GET /")).isNull();
	}

	@Test
	void rightSecretForgetsEarlierFailures() {
		check(OTHER_HOST, "wrong-1");
		check(OTHER_HOST, "wrong-2");
		assertThat(check(OTHER_HOST, SECRET)).isNull();
		check(OTHER_HOST, "wrong-3");
		check(OTHER_HOST, "wrong-4");
		assertThat(check(OTHER_HOST, "wrong-5").status()).isEqualTo(403);
	}

	@Test
	void withoutAConfiguredSecretNothingIsThrottled() {
		AccessGuard open = new AccessGuard(new AccessRules(null), 1, this.clock);
		for (int i = 0; i < 5; i++) {
			assertThat(open.check(request(OTHER_HOST).header(AccessRules.SECRET_HEADER, "x").build(), "GET /").status())
				.isEqualTo(403);
		}
	}

	@Test
	void bodyEscapesWhatJsonAndHtmlWouldMisread() {
		String body = new String(new AccessRefusal(403, "a \"quote\" \\ <b>&\n", null).body(), StandardCharsets.UTF_8);
		assertThat(body).isEqualTo("{\"error\":\"a \\\"quote\\\" \\\\ \\u003cb\\u003e\\u0026\\u000a\"}");
		assertThat(JsonPath.<String>read(body, "$.error")).isEqualTo("a \"quote\" \\ <b>&\n");
	}

	private AccessRefusal check(ClientAddress client, String secret) {
		return this.guard.check(request(client).header(AccessRules.SECRET_HEADER, secret).build(),
				"GET /actuator/hotrestart");
	}

}

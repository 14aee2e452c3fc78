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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hotrestart.connection.ClientAddress;
import dev.hotrestart.connection.ClientAddress.Basis;
import dev.hotrestart.security.AccessRules.Reason;
import dev.hotrestart.security.AccessRules.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AccessRules}, with requests from chosen client addresses.
 *
 * @author hot-restart authors
 */
class AccessRulesTests {

	private static final String SECRET = "s3cret-for-the-vm";

	private static final ClientAddress THIS_MACHINE = new ClientAddress("127.0.0.1", true, Basis.PEER);

	private static final ClientAddress OTHER_HOST = new ClientAddress("192.0.2.9", false, Basis.PEER);

	private final AccessRules withoutSecret = new AccessRules(null);

	private final AccessRules withSecret = new AccessRules(SECRET);

	@Test
	void requestFromThisMachineAddressedToLocalhostPasses() {
		assertThat(this.withoutSecret.check(request(THIS_MACHINE).build())).isNull();
		assertThat(this.withSecret.check(request(THIS_MACHINE).build())).isNull();
	}

	@Test
	void requestFromAnotherHostWithoutAConfiguredSecretSaysWhereItCameFromAndWhatToDo() {
		Refusal refusal = this.withoutSecret.check(request(OTHER_HOST).build());
		assertThat(refusal.reason()).isEqualTo(Reason.OTHER_HOST);
		assertThat(refusal.message()).contains("only requests from this machine", "came from 192.0.2.9",
				"set hot-restart.remote.secret", "X-Hot-Restart-Secret");
	}

	@Test
	void requestThroughAProxyOnThisMachineOrWithAnUnplacedForwardedClientSaysSo() {
		assertThat(this.withoutSecret.check(request(new ClientAddress("198.51.100.7", false, Basis.PROXIED)).build())
			.message()).contains("came from 198.51.100.7 through a proxy on this machine");
		assertThat(this.withoutSecret.check(request(new ClientAddress("127.0.0.1", false, Basis.FORWARDED)).build())
			.message()).contains("forwarded header", "cannot tell which host actually connected");
	}

	@Test
	void secretHeaderWithoutAConfiguredSecretIsRefusedEvenFromThisMachine() {
		Refusal refusal = this.withoutSecret
			.check(request(THIS_MACHINE).header(AccessRules.SECRET_HEADER, "x").build());
		assertThat(refusal.reason()).isEqualTo(Reason.OTHER_HOST);
		assertThat(refusal.message()).contains("hot-restart.remote.secret is not set");
	}

	@Test
	void anotherHostWithExactlyOneRightSecretPassesWhateverItsHostHeader() {
		assertThat(this.withSecret
			.check(request(OTHER_HOST).header("Host", "my-vm:8080").header(AccessRules.SECRET_HEADER, SECRET).build()))
			.isNull();
	}

	@Test
	void missingWrongAndRepeatedSecretsAreRefusedWithOneText() {
		List<Refusal> refusals = new ArrayList<>();
		refusals.add(this.withSecret.check(request(OTHER_HOST).build()));
		for (String wrong : List.of("wrong", "", SECRET + " ", " " + SECRET, SECRET.toUpperCase(Locale.ROOT),
				SECRET.substring(1), SECRET + "\u0000", SECRET.replace('e', '\u0435'))) {
			refusals.add(this.withSecret.check(request(OTHER_HOST).header(AccessRules.SECRET_HEADER, wrong).build()));
			refusals.add(this.withSecret.check(request(THIS_MACHINE).header(AccessRules.SECRET_HEADER, wrong).build()));
		}
		refusals.add(this.withSecret.check(request(OTHER_HOST).header(AccessRules.SECRET_HEADER, SECRET)
			.header(AccessRules.SECRET_HEADER, SECRET)
			.build()));
		refusals.add(this.withSecret.check(request(OTHER_HOST).header(AccessRules.SECRET_HEADER, "wrong")
			.header(AccessRules.SECRET_HEADER, SECRET)
			.build()));
		assertThat(refusals).doesNotContainNull().extracting(Refusal::reason).containsOnly(Reason.SECRET);
		assertThat(refusals).extracting(Refusal::message).containsOnly(AccessRules.SECRET_REFUSAL);
	}

	@Test
	void hostHeaderThatNamesNoLoopbackHostIsRefusedUnlessTheSecretIsSent() {
		for (String host : List.of("evil.example", "localhost.evil.example", "192.0.2.1:8080", "")) {
			Refusal refusal = this.withSecret.check(request(THIS_MACHINE).header("Host", host).build());
			assertThat(refusal.reason()).as(host).isEqualTo(Reason.HOST);
			assertThat(refusal.message()).as(host).contains("DNS rebinding", "http://localhost:8080");
		}
		assertThat(this.withSecret.check(request(THIS_MACHINE).withoutHost().build())).extracting(Refusal::reason)
			.isEqualTo(Reason.HOST);
		assertThat(this.withSecret.check(
				request(THIS_MACHINE).header("Host", "evil.example").header(AccessRules.SECRET_HEADER, SECRET).build()))
			.isNull();
	}

	@Test
	void stateChangingRequestNeedsNoneOrOneSameOrigin() {
		assertThat(this.withoutSecret.check(request(THIS_MACHINE).method("POST").build())).isNull();
		assertThat(this.withoutSecret
			.check(request(THIS_MACHINE).method("POST").header("Origin", "http://localhost:8080").build())).isNull();
		for (String origin : List.of("http://evil.example", "null", "https://localhost:8080", "http://localhost:8081",
				"http://localhost:8080/path", "http://user@localhost:8080")) {
			Refusal refusal = this.withoutSecret
				.check(request(THIS_MACHINE).method("POST").header("Origin", origin).build());
			assertThat(refusal.reason()).as(origin).isEqualTo(Reason.CROSS_SITE);
			assertThat(refusal.message()).as(origin).contains("another site");
		}
		Refusal two = this.withoutSecret.check(request(THIS_MACHINE).method("POST")
			.header("Origin", "http://localhost:8080")
			.header("Origin", "http://evil.example")
			.build());
		assertThat(two.reason()).isEqualTo(Reason.CROSS_SITE);
		assertThat(two.message()).contains("2 Origin headers");
		assertThat(this.withoutSecret
			.check(request(THIS_MACHINE).header("Origin", "http://evil.example").header("Origin", "null").build()))
			.as("reads are left to the browser's same-origin policy")
			.isNull();
	}

	@Test
	void theSecretDoesNotLiftTheCrossSiteRule() {
		assertThat(this.withSecret.check(request(OTHER_HOST).method("DELETE")
			.header(AccessRules.SECRET_HEADER, SECRET)
			.header("Origin", "http://evil.example")
			.build())).extracting(Refusal::reason).isEqualTo(Reason.CROSS_SITE);
	}

	@Test
	void secretThatNoClientCouldSendExactlyIsRejectedAtOnce() {
		for (String secret : List.of("with space", "trailing ", "tab\there", "gehe\u00efm", "line\nbreak")) {
			assertThatIllegalArgumentException().as(secret)
				.isThrownBy(() -> new AccessRules(secret))
				.withMessageContaining("hot-restart.remote.secret")
				.withMessageContaining("visible ASCII");
		}
		assertThat(new AccessRules("   ").hasSecret()).as("blank means unset").isFalse();
	}

	@Test
	void theSecretDecidesForOtherHostsAndForRequestsThatCarryIt() {
		assertThat(this.withSecret.needsSecret(request(OTHER_HOST).build())).isTrue();
		assertThat(this.withSecret.needsSecret(request(THIS_MACHINE).header(AccessRules.SECRET_HEADER, "x").build()))
			.isTrue();
		assertThat(this.withSecret.needsSecret(request(THIS_MACHINE).build())).isFalse();
	}

	static Builder request(ClientAddress client) {
		return new Builder(client);
	}

	/**
	 * Builds an {@link AccessRequest} to {@code http://localhost:8080}.
	 */
	static final class Builder {

		private final ClientAddress client;

		private final Map<String, List<String>> headers = new LinkedHashMap<>();

		private String method = "GET";

		Builder(ClientAddress client) {
			this.client = client;
			this.headers.put("host", new ArrayList<>(List.of("localhost:8080")));
		}

		Builder method(String method) {
			this.method = method;
			return this;
		}

		Builder withoutHost() {
			this.headers.remove("host");
			return this;
		}

		Builder header(String name, String value) {
			String key = name.toLowerCase(Locale.ROOT);
			if (key.equals("host")) {
				this.headers.remove(key);
			}
			this.headers.computeIfAbsent(key, (ignored) -> new ArrayList<>()).add(value);
			return this;
		}

		AccessRequest build() {
			Map<String, List<String>> copy = new LinkedHashMap<>(this.headers);
			return new AccessRequest(this.method, "http", 8080, this.client,
					(name) -> copy.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
		}

	}

}

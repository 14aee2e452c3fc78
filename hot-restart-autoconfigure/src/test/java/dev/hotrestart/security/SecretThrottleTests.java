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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.hotrestart.connection.ClientAddress;
import dev.hotrestart.connection.ClientAddress.Basis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretThrottle}.
 *
 * @author hot-restart authors
 */
class SecretThrottleTests {

	private static final ClientAddress GUESSER = new ClientAddress("192.0.2.9", false, Basis.PEER);

	private static final ClientAddress NEIGHBOUR = new ClientAddress("192.0.2.10", false, Basis.PEER);

	private final MutableClock clock = new MutableClock();

	private final SecretThrottle throttle = new SecretThrottle(3, this.clock);

	@Test
	void clientIsLockedOutAfterTheMaximumOfFailuresAndOnlyThatClient() {
		fail(GUESSER, 2);
		assertThat(this.throttle.lockedFor(GUESSER)).isNull();
		fail(GUESSER, 1);
		assertThat(this.throttle.lockedFor(GUESSER)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.throttle.lockedFor(NEIGHBOUR)).isNull();
		this.clock.advance(Duration.ofSeconds(45));
		assertThat(this.throttle.lockedFor(GUESSER)).isEqualTo(Duration.ofSeconds(15));
		this.clock.advance(Duration.ofSeconds(15));
		assertThat(this.throttle.lockedFor(GUESSER)).isNull();
	}

	@Test
	void eachFurtherLockoutLastsTwiceAsLongUpToAnHour() {
		Duration expected = Duration.ofMinutes(1);
		for (int lockout = 0; lockout < 9; lockout++) {
			fail(GUESSER, 3);
			Duration lockedFor = this.throttle.lockedFor(GUESSER);
			assertThat(lockedFor).as("lockout %d", lockout).isEqualTo(expected);
			this.clock.advance(lockedFor);
			expected = expected.multipliedBy(2).compareTo(Duration.ofHours(1)) < 0 ? expected.multipliedBy(2)
					: Duration.ofHours(1);
		}
	}

	@Test
	void successForgetsTheFailures() {
		fail(GUESSER, 2);
		this.throttle.succeeded(GUESSER);
		fail(GUESSER, 2);
		assertThat(this.throttle.lockedFor(GUESSER)).isNull();
	}

	@Test
	void anHourWithoutAFailureForgetsTheFailures() {
		fail(GUESSER, 2);
		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		fail(GUESSER, 2);
		assertThat(this.throttle.lockedFor(GUESSER)).isNull();
	}

	@Test
	void anIpv6ClientIsItsNetworkAndForwardedClaimsShareOneKey() {
		assertThat(SecretThrottle.key(new ClientAddress("2001:db8:1:2:aaaa::1", false, Basis.PEER)))
			.isEqualTo(SecretThrottle.key(new ClientAddress("2001:db8:1:2:bbbb::9", false, Basis.PEER)))
			.isNotEqualTo(SecretThrottle.key(new ClientAddress("2001:db8:1:3::1", false, Basis.PEER)));
		assertThat(SecretThrottle.key(new ClientAddress("10.0.0.1", false, Basis.FORWARDED)))
			.isEqualTo(SecretThrottle.key(new ClientAddress("10.0.0.2", false, Basis.FORWARDED)));
		assertThat(SecretThrottle.key(GUESSER)).isEqualTo("192.0.2.9");
	}

	@Test
	void onlyTheMostRecentClientsAreRemembered() {
		fail(GUESSER, 2);
		for (int i = 0; i < SecretThrottle.MAX_CLIENTS; i++) {
			this.throttle.failed(new ClientAddress("10.0." + (i / 256) + "." + (i % 256), false, Basis.PEER));
		}
		fail(GUESSER, 1);
		assertThat(this.throttle.lockedFor(GUESSER)).as("its first failures were forgotten").isNull();
	}

	private void fail(ClientAddress client, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.failed(client);
		}
	}

}

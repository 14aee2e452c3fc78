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

package dev.hotrestart.connection;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoopbackAddresses}.
 *
 * @author hot-restart authors
 */
class LoopbackAddressesTests {

	@Test
	void loopbackAddressLiteralsAreLoopback() {
		for (String address : List.of("127.0.0.1", "127.255.0.9", "::1", "0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:1%0",
				"::ffff:127.0.0.1")) {
			assertThat(LoopbackAddresses.isLoopbackAddress(address)).as(address).isTrue();
		}
	}

	@Test
	void otherAddressesNamesAndMalformedLiteralsAreNot() {
		for (String address : List.of("192.0.2.2", "10.0.0.1", "128.0.0.1", "0.0.0.0", "::", "fd00::2",
				"::ffff:192.0.2.1", "127.0.0.256", "999.0.0.1", "127.0.0.1.evil", "localhost", "1:2:3", "[::1]",
				"unknown", "_hidden", "", " 127.0.0.1")) {
			assertThat(LoopbackAddresses.isLoopbackAddress(address)).as(address).isFalse();
		}
		assertThat(LoopbackAddresses.isLoopbackAddress(null)).isFalse();
	}

	@Test
	void loopbackHostsAreLoopbackNamesAndLiterals() {
		for (String host : List.of("localhost", "LocalHost", "localhost.", "app.localhost", "127.0.0.1", "127.1.2.3",
				"[::1]", "[0:0:0:0:0:0:0:1]")) {
			assertThat(LoopbackAddresses.isLoopbackHost(host)).as(host).isTrue();
		}
	}

	@Test
	void otherHostsAreNot() {
		for (String host : List.of("evil.example", "localhost.evil.example", "127.0.0.1.evil.example", "192.0.2.1",
				"[2001:db8::1]", "::1", "[::1", "localhostx", "0x7f.1", "2130706433")) {
			assertThat(LoopbackAddresses.isLoopbackHost(host)).as(host).isFalse();
		}
	}

}

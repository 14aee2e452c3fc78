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

import dev.hotrestart.connection.ClientAddress.Basis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClientAddress}: requests judged by a chosen peer, reported address and
 * forwarded chain.
 *
 * @author hot-restart authors
 */
class ClientAddressTests {

	@Test
	void loopbackPeerIsThisMachine() {
		assertThat(ClientAddress.judge("127.0.0.1", "127.0.0.1", List.of()))
			.isEqualTo(new ClientAddress("127.0.0.1", true, Basis.PEER));
		assertThat(ClientAddress.judge("0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:1", List.of()).thisMachine()).isTrue();
	}

	@Test
	void peerOfAnotherHostIsNotThisMachineWhateverTheServerReportsOrHeadersClaim() {
		assertThat(ClientAddress.judge("192.0.2.9", "127.0.0.1", List.of("127.0.0.1")))
			.isEqualTo(new ClientAddress("192.0.2.9", false, Basis.PEER));
	}

	@Test
	void proxyOnThisMachineForwardingForAnotherHostIsJudgedByTheAddressItSaw() {
		assertThat(ClientAddress.judge("127.0.0.1", "127.0.0.1", List.of("127.0.0.1", "198.51.100.7")))
			.isEqualTo(new ClientAddress("198.51.100.7", false, Basis.PROXIED));
		assertThat(ClientAddress.judge("127.0.0.1", "10.9.9.9", List.of("10.9.9.9", "127.0.0.1")))
			.isEqualTo(new ClientAddress("10.9.9.9", false, Basis.PROXIED));
		assertThat(ClientAddress.judge("127.0.0.1", "127.0.0.1", List.of("unknown")).thisMachine()).isFalse();
	}

	@Test
	void proxyOnThisMachineForwardingForThisMachineIsThisMachine() {
		assertThat(ClientAddress.judge("127.0.0.1", "127.0.0.1", List.of("127.0.0.1", "::1", "::ffff:127.0.0.1")))
			.isEqualTo(new ClientAddress("127.0.0.1", true, Basis.PEER));
	}

	@Test
	void withoutAPeerAForwardedClientIsNeverThisMachine() {
		assertThat(ClientAddress.judge(null, "127.0.0.1", List.of("127.0.0.1")))
			.isEqualTo(new ClientAddress("127.0.0.1", false, Basis.FORWARDED));
	}

	@Test
	void withoutAPeerOrForwardedHeadersTheReportedAddressDecides() {
		assertThat(ClientAddress.judge(null, "127.0.0.1", List.of()))
			.isEqualTo(new ClientAddress("127.0.0.1", true, Basis.REPORTED));
		assertThat(ClientAddress.judge(null, "192.0.2.9", List.of()))
			.isEqualTo(new ClientAddress("192.0.2.9", false, Basis.REPORTED));
	}

}

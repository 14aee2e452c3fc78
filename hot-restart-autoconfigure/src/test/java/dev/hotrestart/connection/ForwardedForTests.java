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
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ForwardedFor}.
 *
 * @author hot-restart authors
 */
class ForwardedForTests {

	@Test
	void noForwardedHeadersNameNoAddress() {
		assertThat(addresses(Map.of())).isEmpty();
		assertThat(addresses(Map.of("Forwarded", List.of("proto=https;host=example.com")))).isEmpty();
	}

	@Test
	void xForwardedForNamesEveryHopInOrder() {
		assertThat(addresses(Map.of("X-Forwarded-For", List.of("127.0.0.1, 10.9.9.9", "198.51.100.7"))))
			.containsExactly("127.0.0.1", "10.9.9.9", "198.51.100.7");
	}

	@Test
	void forwardedNamesTheForOfEachElementWithoutQuotesPortsOrBrackets() {
		assertThat(addresses(Map.of("Forwarded",
				List.of("for=192.0.2.60;proto=http;by=203.0.113.43, For=\"[2001:db8:cafe::17]:4711\"",
						"for=\"192.0.2.43:47011\", for=unknown, for=_hidden"))))
			.containsExactly("192.0.2.60", "2001:db8:cafe::17", "192.0.2.43", "unknown", "_hidden");
	}

	@Test
	void xRealIpAndPortsInXForwardedForCount() {
		assertThat(addresses(Map.of("X-Forwarded-For", List.of("192.0.2.1:8080, [::1]:9000, ::1"), "X-Real-IP",
				List.of(" 203.0.113.9 "))))
			.containsExactly("192.0.2.1", "::1", "::1", "203.0.113.9");
	}

	@Test
	void aFloodOfValuesIsCutShort() {
		assertThat(addresses(Map.of("X-Forwarded-For", List.of("10.0.0.1,".repeat(10_000))))).hasSize(64);
	}

	private static List<String> addresses(Map<String, List<String>> headers) {
		return ForwardedFor.addresses((name) -> headers.getOrDefault(name, List.of()));
	}

}

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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HostHeader}.
 *
 * @author hot-restart authors
 */
class HostHeaderTests {

	@Test
	void parsesHostsWithAndWithoutPortsInLowerCase() {
		assertThat(HostHeader.parse("localhost")).isEqualTo(new HostHeader("localhost", -1));
		assertThat(HostHeader.parse("LocalHost:8080")).isEqualTo(new HostHeader("localhost", 8080));
		assertThat(HostHeader.parse("127.0.0.1:80")).isEqualTo(new HostHeader("127.0.0.1", 80));
		assertThat(HostHeader.parse("[::1]")).isEqualTo(new HostHeader("[::1]", -1));
		assertThat(HostHeader.parse("[::1]:8443")).isEqualTo(new HostHeader("[::1]", 8443));
	}

	@Test
	void malformedValuesParseToNothing() {
		for (String value : List.of("", ":80", "localhost:", "localhost:x", "localhost:123456", "[::1", "[::1]x",
				"[::1]:", "localhost:80:81", "localhost:-1")) {
			assertThat(HostHeader.parse(value)).as(value).isNull();
		}
		assertThat(HostHeader.parse(null)).isNull();
	}

	@Test
	void missingPortIsTheSchemesDefault() {
		assertThat(new HostHeader("localhost", -1).portOr("http")).isEqualTo(80);
		assertThat(new HostHeader("localhost", -1).portOr("HTTPS")).isEqualTo(443);
		assertThat(new HostHeader("localhost", 8080).portOr("https")).isEqualTo(8080);
	}

}

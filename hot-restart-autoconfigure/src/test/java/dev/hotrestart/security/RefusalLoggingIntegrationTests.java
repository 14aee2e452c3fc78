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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.testapp.TestApplication;
import dev.hotrestart.testsupport.HotRestartClient;
import dev.hotrestart.testsupport.LogLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the log lines of refused requests: at WARN, and not one per
 * request. An application of its own, so that no other test's refusal came first.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"hot-restart.enabled=true", "spring.main.banner-mode=off", "logging.pattern.console=%level %logger{0} %msg%n" })
class RefusalLoggingIntegrationTests {

	private static final int REFUSALS = 30;

	@LocalServerPort
	private int port;

	@Test
	@LogLevel(loggers = "dev.hotrestart", level = "WARN")
	void refusalsAreLoggedAtWarnButNotEachOne(CapturedOutput output) throws Exception {
		for (int i = 0; i < REFUSALS; i++) {
			assertThat(HotRestartClient.sendRaw(this.port, "GET /actuator/hotrestart HTTP/1.1\r\nHost: evil.example")
				.status()).isEqualTo(403);
		}
		assertThat(output.getOut().lines().filter((line) -> line.startsWith("WARN") && line.contains("Refused ")))
			.isNotEmpty()
			.hasSizeLessThan(REFUSALS / 3)
			.first()
			.satisfies((line) -> assertThat(line).contains("Refused GET /actuator/hotrestart", "127.0.0.1",
					"DNS rebinding"));
	}

}

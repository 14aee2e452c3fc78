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
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.hotrestart.testsupport.LogLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RefusalLog}.
 *
 * @author hot-restart authors
 */
@ExtendWith(OutputCaptureExtension.class)
@LogLevel(loggers = "dev.hotrestart", level = "WARN")
class RefusalLogTests {

	private static final AccessRefusal REFUSAL = new AccessRefusal(403, "Go away", null);

	private final MutableClock clock = new MutableClock();

	private final RefusalLog log = new RefusalLog(this.clock);

	@Test
	void firstRefusalIsLoggedAtWarnWithTheRequestTheClientAndTheReason(CapturedOutput output) {
		this.log.refused("GET /actuator/hotrestart", "192.0.2.9", REFUSAL);
		assertThat(refusalLines(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN", "Refused GET /actuator/hotrestart from 192.0.2.9",
					"403", "Go away"));
	}

	@Test
	void furtherRefusalsWithinTheIntervalAreCountedAndReportedWithTheNextLine(CapturedOutput output) {
		this.log.refused("GET /a", "192.0.2.9", REFUSAL);
		for (int i = 0; i < 50; i++) {
			this.clock.advance(Duration.ofMillis(100));
			this.log.refused("GET /b", "192.0.2.9", REFUSAL);
		}
		assertThat(refusalLines(output)).hasSize(1);
		this.clock.advance(RefusalLog.INTERVAL);
		this.log.refused("GET /c", "192.0.2.10", REFUSAL);
		assertThat(refusalLines(output)).hasSize(2)
			.last()
			.satisfies((line) -> assertThat(line).contains("Refused GET /c from 192.0.2.10", "50 more refused since",
					"not logged"));
	}

	@Test
	void requestLinesCannotForgeLogLines(CapturedOutput output) {
		this.log.refused("GET /x\r\nWARN forged", "192.0.2.9", REFUSAL);
		assertThat(output.getOut()).doesNotContain("\nWARN forged");
	}

	private static List<String> refusalLines(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains("Refused ")).toList();
	}

}

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

package dev.hotrestart.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DecisionHint}.
 */
class DecisionHintTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void webApplicationsPointToTheEndpoint() {
		DecisionHint hint = DecisionHint.of(this.environment, WebApplicationType.REACTIVE);
		assertThat(hint.whereParkedCallsAre(null)).isEqualTo("Parked failures: /actuator/hotrestart");
		assertThat(hint.whereParkedCallsAre("/hot-restart"))
			.isEqualTo("Parked failures: /actuator/hotrestart (console: /hot-restart)");
		assertThat(hint.howToDecide().apply("3"))
			.isEqualTo("Fix and recompile, then POST /actuator/hotrestart/3/continue (or /abort).");
	}

	@Test
	void withTheTerminalAskedForWebApplicationsPointToBoth() {
		this.environment.setProperty("hot-restart.terminal", "true");
		DecisionHint hint = DecisionHint.of(this.environment, WebApplicationType.SERVLET);
		assertThat(hint.whereParkedCallsAre(null))
			.isEqualTo("Parked failures: /actuator/hotrestart and on standard input");
		assertThat(hint.howToDecide().apply("3"))
			.endsWith("/continue (or /abort), or type 'continue 3' on standard " + "input.");
	}

	@Test
	void applicationsWithoutAWebServerPointToTheTerminal() {
		this.environment.setProperty("hot-restart.terminal", "true");
		DecisionHint hint = DecisionHint.of(this.environment, WebApplicationType.NONE);
		assertThat(hint.whereParkedCallsAre(null))
			.isEqualTo("Parked calls print here; type continue, abort or list on standard input");
		assertThat(hint.howToDecide().apply("3"))
			.isEqualTo("Fix and recompile, then type 'continue 3' (or 'abort 3') on standard input.");
	}

	@Test
	void withoutAWebServerOrATerminalTheLogSaysThatOnlyTheTimeOutEndsACall() {
		this.environment.setProperty("hot-restart.terminal", "false");
		DecisionHint hint = DecisionHint.of(this.environment, WebApplicationType.NONE);
		assertThat(hint.howToDecide().apply("3")).contains("nothing can continue it", "hot-restart.park-timeout",
				"hot-restart.terminal=true");
	}

	@Test
	void applicationsNotStartedBySpringApplicationCountAsWebApplications() {
		assertThat(DecisionHint.of(this.environment).whereParkedCallsAre(null))
			.isEqualTo("Parked failures: /actuator/hotrestart");
	}

}

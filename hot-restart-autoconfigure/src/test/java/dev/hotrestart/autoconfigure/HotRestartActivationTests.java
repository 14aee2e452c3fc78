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

import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartActivation}.
 */
class HotRestartActivationTests {

	private static final StackTraceElement[] IDE_LAUNCH = { frame("com.example.App", "main") };

	private static final StackTraceElement[] TEST_RUNNER = { frame("com.example.App", "main"),
			frame("org.junit.platform.launcher.core.DefaultLauncher", "execute") };

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void onWhenTheMainClassComesFromAClassDirectory() {
		HotRestartActivation.Decision decision = HotRestartActivation.decide(this.environment,
				HotRestartActivationTests.class, IDE_LAUNCH);
		assertThat(decision.active()).isTrue();
		assertThat(decision.reason()).startsWith("the application runs from class directory ").endsWith("test-classes");
		assertThat(decision.logLine(null)).startsWith("Hot restart is ON: ")
			.endsWith("Parked failures: /actuator/hotrestart");
		assertThat(decision.logLine("/hot-restart"))
			.endsWith("Parked failures: /actuator/hotrestart (console: /hot-restart)");
	}

	@Test
	void offWhenTheMainClassComesFromAJar() {
		HotRestartActivation.Decision decision = HotRestartActivation.decide(this.environment, StringUtils.class,
				IDE_LAUNCH);
		assertThat(decision.active()).isFalse();
		assertThat(decision.logLine("/hot-restart"))
			.isEqualTo("Hot restart is OFF: the application runs from a packaged jar; set hot-restart.enabled=true "
					+ "to turn it on (for development only)");
	}

	@Test
	void offInsideATestRunner() {
		HotRestartActivation.Decision decision = HotRestartActivation.decide(this.environment,
				HotRestartActivationTests.class, TEST_RUNNER);
		assertThat(decision.active()).isFalse();
		assertThat(decision.reason()).startsWith("the application runs inside a test runner (org.junit.platform)");
	}

	@Test
	void enabledPropertyWinsEitherWay() {
		this.environment.setProperty("hot-restart.enabled", "true");
		assertThat(HotRestartActivation.decide(this.environment, StringUtils.class, TEST_RUNNER).active()).isTrue();
		this.environment.setProperty("hot-restart.enabled", "false");
		HotRestartActivation.Decision decision = HotRestartActivation.decide(this.environment,
				HotRestartActivationTests.class, IDE_LAUNCH);
		assertThat(decision.active()).isFalse();
		assertThat(decision.reason()).isEqualTo("hot-restart.enabled is false");
	}

	@Test
	void offWhenTheMainClassIsUnknown() {
		assertThat(HotRestartActivation.decide(this.environment, null, IDE_LAUNCH).active()).isFalse();
	}

	private static StackTraceElement frame(String className, String method) {
		return new StackTraceElement(className, method, null, -1);
	}

}

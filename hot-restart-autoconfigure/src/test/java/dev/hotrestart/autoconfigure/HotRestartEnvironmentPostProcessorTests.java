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

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.mock.env.MockEnvironment;

import dev.hotrestart.locals.LocalsInstallation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartEnvironmentPostProcessor}.
 */
class HotRestartEnvironmentPostProcessorTests {

	private final List<String> logged = new ArrayList<>();

	private final HotRestartEnvironmentPostProcessor postProcessor = new HotRestartEnvironmentPostProcessor(
			(destination) -> new NoOpLog() {

				@Override
				public void info(Object message) {
					HotRestartEnvironmentPostProcessorTests.this.logged.add(String.valueOf(message));
				}

			});

	private final MockEnvironment environment = new MockEnvironment();

	private final SpringApplication application = new SpringApplication(HotRestartEnvironmentPostProcessorTests.class);

	@Test
	void activeAddsTheEndpointToTheDefaultExposure() {
		this.environment.setProperty("hot-restart.enabled", "true");
		this.postProcessor.postProcessEnvironment(this.environment, this.application);
		assertThat(this.environment.getProperty("management.endpoints.web.exposure.include"))
			.isEqualTo("health,hotrestart");
		assertThat(this.environment.getProperty(HotRestartEnvironmentPostProcessor.ACTIVE_PROPERTY)).isEqualTo("true");
	}

	@Test
	void activeAddsTheEndpointToTheUsersExposureAndLeavesExcludeAlone() {
		this.environment.setProperty("hot-restart.enabled", "true");
		this.environment.setProperty("management.endpoints.web.exposure.include", "info,metrics");
		this.environment.setProperty("management.endpoints.web.exposure.exclude", "hotrestart");
		this.postProcessor.postProcessEnvironment(this.environment, this.application);
		assertThat(this.environment.getProperty("management.endpoints.web.exposure.include"))
			.isEqualTo("info,metrics,hotrestart");
		assertThat(this.environment.getProperty("management.endpoints.web.exposure.exclude")).isEqualTo("hotrestart");
	}

	@Test
	void activeLeavesAWildcardExposureAlone() {
		this.environment.setProperty("hot-restart.enabled", "true");
		this.environment.setProperty("management.endpoints.web.exposure.include", "*");
		this.postProcessor.postProcessEnvironment(this.environment, this.application);
		assertThat(this.environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("*");
	}

	@Test
	void captureLocalsSwitchesTheRecordingOfLocalVariablesOffAndOnAgain() {
		try {
			this.environment.setProperty("hot-restart.capture-locals", "false");
			this.postProcessor.postProcessEnvironment(this.environment, this.application);
			assertThat(LocalsInstallation.isEnabled()).isFalse();
			assertThat(LocalsInstallation.isActive()).isFalse();
			this.environment.setProperty("hot-restart.capture-locals", "true");
			this.postProcessor.postProcessEnvironment(this.environment, this.application);
			assertThat(LocalsInstallation.isEnabled()).isTrue();
		}
		finally {
			LocalsInstallation.switchOn();
		}
	}

	@Test
	void startUpLineNamesTheConsoleOfAServletApplication() {
		this.environment.setProperty("hot-restart.enabled", "true");
		this.postProcessor.postProcessEnvironment(this.environment, this.application);
		assertThat(this.logged).containsExactly(
				"Hot restart is ON: hot-restart.enabled is true. Parked failures: /actuator/hotrestart (console: /hot-restart)");
	}

	@Test
	void startUpLineNamesNoConsoleWithoutAWebServer() {
		this.environment.setProperty("hot-restart.enabled", "true");
		this.environment.setProperty("hot-restart.terminal", "true");
		this.application.setWebApplicationType(WebApplicationType.NONE);
		this.postProcessor.postProcessEnvironment(this.environment, this.application);
		assertThat(this.logged).containsExactly("Hot restart is ON: hot-restart.enabled is true. "
				+ "Parked calls print here; type continue, abort or list on standard input");
	}

	@Test
	void startUpLineNamesTheConsoleOfAWebFluxApplication() {
		this.environment.setProperty("hot-restart.enabled", "true");
		this.application.setWebApplicationType(WebApplicationType.REACTIVE);
		this.postProcessor.postProcessEnvironment(this.environment, this.application);
		assertThat(this.logged).containsExactly("Hot restart is ON: hot-restart.enabled is true. "
				+ "Parked failures: /actuator/hotrestart (console: /hot-restart)");
	}

	@Test
	void startUpLineNamesNoConsoleWhenTheEndpointIsOnAnotherPort() {
		this.environment.setProperty("hot-restart.enabled", "true");
		this.environment.setProperty("management.server.port", "9090");
		this.postProcessor.postProcessEnvironment(this.environment, this.application);
		assertThat(this.logged).singleElement().asString().doesNotContain("console");

		this.logged.clear();
		this.environment.setProperty("server.port", "9090");
		this.postProcessor.postProcessEnvironment(this.environment, this.application);
		assertThat(this.logged).singleElement().asString().endsWith("(console: /hot-restart)");
	}

	@Test
	void inactiveExposesNothingAndRecordsWhy() {
		this.postProcessor.postProcessEnvironment(this.environment, this.application);
		assertThat(this.environment.getProperty("management.endpoints.web.exposure.include")).isNull();
		assertThat(this.environment.getProperty(HotRestartEnvironmentPostProcessor.ACTIVE_PROPERTY)).isEqualTo("false");
		assertThat(this.environment.getProperty(HotRestartEnvironmentPostProcessor.REASON_PROPERTY))
			.contains("test runner");
	}

}

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

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.hotrestart.park.ParkListener;
import dev.hotrestart.terminal.HotRestartTerminal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartTerminalAutoConfiguration}.
 */
class HotRestartTerminalAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(HotRestartAutoConfiguration.class,
			HotRestartTerminalAutoConfiguration.class);

	private final ApplicationContextRunner withoutWebServer = new ApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("hot-restart.enabled=true");

	@Test
	void whenInsideATestRunnerThenTheTerminalLeavesStandardInputToIt() {
		this.withoutWebServer
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HotRestartTerminal.class));
	}

	@Test
	void whenTheTerminalIsAskedForThenItListensForParkedCalls() {
		this.withoutWebServer.withPropertyValues("hot-restart.terminal=true").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(HotRestartTerminal.class);
			assertThat(context.getBeanProvider(ParkListener.class).orderedStream())
				.contains(context.getBean(HotRestartTerminal.class));
			assertThat(context.getBean(HotRestartTerminal.class).isRunning()).isTrue();
		});
	}

	@Test
	void whenTheTerminalIsTurnedOffThenThereIsNone() {
		this.withoutWebServer.withPropertyValues("hot-restart.terminal=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HotRestartTerminal.class));
	}

	@Test
	void whenHotRestartIsOffThenThereIsNoTerminal() {
		this.withoutWebServer.withPropertyValues("hot-restart.enabled=false", "hot-restart.terminal=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HotRestartTerminal.class));
	}

	@Test
	void whenAWebApplicationThenTheTerminalIsOffUnlessAskedFor() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HotRestartTerminal.class));
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HotRestartTerminal.class));
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("hot-restart.enabled=true", "hot-restart.terminal=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(HotRestartTerminal.class));
	}

}

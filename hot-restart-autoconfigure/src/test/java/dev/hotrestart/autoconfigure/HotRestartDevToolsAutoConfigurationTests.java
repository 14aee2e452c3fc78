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
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import dev.hotrestart.resume.ClassDirectoryWatcher;
import dev.hotrestart.devtools.ParkedCallClassPathChangedListener;
import dev.hotrestart.devtools.ParkedCallRestartStrategyPostProcessor;
import dev.hotrestart.devtools.RestartAction;
import dev.hotrestart.devtools.RestartClock;
import dev.hotrestart.resume.ResumeOnSave;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartDevToolsAutoConfiguration}. DevTools never restarts inside a
 * test runner, so these cover the configuration without DevTools restart; the sample's
 * integration tests cover it with DevTools restart active.
 */
class HotRestartDevToolsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HotRestartDevToolsAutoConfiguration.class, HotRestartAutoConfiguration.class));

	@Test
	void whenHotRestartIsOffThenNothingIsConfigured() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ResumeOnSave.class)
			.doesNotHaveBean(RestartAction.class)
			.doesNotHaveBean(ClassDirectoryWatcher.class));
	}

	@Test
	void whenDevToolsRestartIsNotActiveThenTheClassDirectoriesAreWatchedAndRestartIsRefused() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ResumeOnSave.class)
				.hasSingleBean(RestartAction.class)
				.hasSingleBean(ClassDirectoryWatcher.class)
				.doesNotHaveBean(ParkedCallRestartStrategyPostProcessor.class)
				.doesNotHaveBean(ParkedCallClassPathChangedListener.class)
				.doesNotHaveBean(RestartClock.class);
			assertThat(context.getBean(ResumeOnSave.class).isEnabled()).isFalse();
			assertThat(context.getBean(RestartAction.class).unavailableReason())
				.contains("DevTools restart is not active");
		});
	}

	@Test
	void whenDevToolsIsMissingThenTheClassDirectoriesAreWatchedAndRestartSaysWhy() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.devtools."))
			.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(ClassDirectoryWatcher.class)
					.doesNotHaveBean(RestartClock.class)
					.doesNotHaveBean(ParkedCallRestartStrategyPostProcessor.class);
				assertThat(context.getBean(RestartAction.class).unavailableReason()).isNotNull();
			});
	}

	@Test
	void whenAReactiveOrAServletWebApplicationThenTheSameBeansAreConfigured() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(HotRestartDevToolsAutoConfiguration.class, HotRestartAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("jakarta.servlet."))
			.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ResumeOnSave.class)
				.hasSingleBean(RestartAction.class));
	}

	@Test
	void whenAutoContinueIsSetThenResumeOnSaveStartsOn() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true", "hot-restart.auto-continue=true")
			.run((context) -> assertThat(context.getBean(ResumeOnSave.class).isEnabled()).isTrue());
	}

}

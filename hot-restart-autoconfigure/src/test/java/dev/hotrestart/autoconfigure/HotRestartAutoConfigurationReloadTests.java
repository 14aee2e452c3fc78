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

import dev.hotrestart.reload.ReloadPreparation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code hot-restart.reload-on-continue} property of
 * {@link HotRestartAutoConfiguration}.
 *
 * @author hot-restart authors
 */
class HotRestartAutoConfigurationReloadTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HotRestartAutoConfiguration.class))
		.withPropertyValues("hot-restart.enabled=true");

	@Test
	void whenReloadOnContinueIsUnsetThenReloadIsPrepared() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ReloadPreparation.class);
			assertThat(context.getBean(HotRestartProperties.class).isReloadOnContinue()).isTrue();
		});
	}

	@Test
	void whenReloadOnContinueIsFalseThenReloadIsNotPrepared() {
		this.contextRunner.withPropertyValues("hot-restart.reload-on-continue=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ReloadPreparation.class);
			assertThat(context.getBean(HotRestartProperties.class).isReloadOnContinue()).isFalse();
		});
	}

}

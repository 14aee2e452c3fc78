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

import org.junit.jupiter.api.Test;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link PointcutWarmUp}.
 */
class PointcutWarmUpTests {

	private final List<Runnable> tasks = new ArrayList<>();

	private final PointcutWarmUp warmUp = new PointcutWarmUp(this.tasks::add);

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void whenActiveWithAPointcutThenAspectJIsWarmedUpOnAnotherThread() {
		this.environment.setProperty(HotRestartEnvironmentPostProcessor.ACTIVE_PROPERTY, "true");
		this.environment.setProperty("hot-restart.pointcut", "within(com.acme..*)");
		this.warmUp.onApplicationEvent(event());
		assertThat(this.tasks).hasSize(1);
		assertThatNoException().isThrownBy(this.tasks.get(0)::run);
	}

	@Test
	void aBadExpressionIsLeftForTheParseAtStartUpToReport() {
		this.environment.setProperty(HotRestartEnvironmentPostProcessor.ACTIVE_PROPERTY, "true");
		this.environment.setProperty("hot-restart.pointcut", "within(com.acme..*");
		this.warmUp.onApplicationEvent(event());
		assertThat(this.tasks).hasSize(1);
		assertThatNoException().isThrownBy(this.tasks.get(0)::run);
	}

	@Test
	void whenInactiveThenNothingIsWarmedUp() {
		this.environment.setProperty(HotRestartEnvironmentPostProcessor.ACTIVE_PROPERTY, "false");
		this.environment.setProperty("hot-restart.pointcut", "within(com.acme..*)");
		this.warmUp.onApplicationEvent(event());
		assertThat(this.tasks).isEmpty();
	}

	@Test
	void whenNoPointcutIsSetThenNothingIsWarmedUp() {
		this.environment.setProperty(HotRestartEnvironmentPostProcessor.ACTIVE_PROPERTY, "true");
		this.warmUp.onApplicationEvent(event());
		assertThat(this.tasks).isEmpty();
	}

	private ApplicationEnvironmentPreparedEvent event() {
		return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
				new SpringApplication(PointcutWarmUpTests.class), new String[0], this.environment);
	}

}

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

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import dev.hotrestart.actuate.HotRestartEndpoint;
import dev.hotrestart.park.ParkingLot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartEndpointAutoConfiguration}.
 */
class HotRestartEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HotRestartAutoConfiguration.class,
				HotRestartDevToolsAutoConfiguration.class, HotRestartEndpointAutoConfiguration.class,
				EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class));

	@Test
	void whenHotRestartIsActiveAndTheEndpointIsExposedThenItIsConfigured() {
		this.contextRunner
			.withPropertyValues("hot-restart.enabled=true", "management.endpoints.web.exposure.include=hotrestart")
			.run((context) -> assertThat(context).hasSingleBean(HotRestartEndpoint.class));
	}

	@Test
	void whenHotRestartIsOffThenThereIsNoEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=hotrestart")
			.run((context) -> assertThat(context).doesNotHaveBean(HotRestartEndpoint.class));
	}

	@Test
	void whenTheEndpointIsNotExposedThenItIsNotConfigured() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ParkingLot.class)
				.doesNotHaveBean(HotRestartEndpoint.class));
	}

	@Test
	void whenTheEndpointsAccessIsNoneThenItIsNotConfigured() {
		this.contextRunner
			.withPropertyValues("hot-restart.enabled=true", "management.endpoints.web.exposure.include=hotrestart",
					"management.endpoint.hotrestart.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(HotRestartEndpoint.class));
	}

	@Test
	void whenAReactiveWebApplicationThenTheSameEndpointIsConfigured() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HotRestartAutoConfiguration.class,
					HotRestartDevToolsAutoConfiguration.class, HotRestartEndpointAutoConfiguration.class,
					EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("jakarta.servlet.", "org.springframework.web.servlet."))
			.withPropertyValues("hot-restart.enabled=true", "management.endpoints.web.exposure.include=hotrestart")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(HotRestartEndpoint.class));
	}

	@Test
	void whenDevToolsIsMissingThenTheEndpointHasNoRestartButWorks() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.devtools."))
			.withPropertyValues("hot-restart.enabled=true", "management.endpoints.web.exposure.include=hotrestart")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(HotRestartEndpoint.class));
	}

	@Test
	void whenActuatorIsMissingThenHotRestartWorksWithoutTheEndpoint() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HotRestartAutoConfiguration.class,
					HotRestartDevToolsAutoConfiguration.class, HotRestartEndpointAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ParkingLot.class)
				.doesNotHaveBean(HotRestartEndpoint.class));
	}

}

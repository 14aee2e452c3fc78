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
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.hotrestart.console.HotRestartConsoleController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartConsoleAutoConfiguration}.
 *
 * @author hot-restart authors
 */
class HotRestartConsoleAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(HotRestartAutoConfiguration.class,
			HotRestartEndpointAutoConfiguration.class, HotRestartConsoleAutoConfiguration.class,
			EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("hot-restart.enabled=true", "management.endpoints.web.exposure.include=hotrestart");

	@Test
	void whenHotRestartIsActiveThenConsoleIsServed() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(HotRestartConsoleController.class));
	}

	@Test
	void whenHotRestartIsDisabledThenNoConsole() {
		this.runner.withPropertyValues("hot-restart.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HotRestartConsoleController.class));
	}

	@Test
	void whenEndpointIsNotExposedThenNoConsole() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.exclude=hotrestart")
			.run((context) -> assertThat(context).doesNotHaveBean(HotRestartConsoleController.class));
	}

	@Test
	void whenManagementRunsOnAnotherPortThenNoConsole() {
		this.runner.withPropertyValues("management.server.port=0")
			.run((context) -> assertThat(context).doesNotHaveBean(HotRestartConsoleController.class));
	}

	@Test
	void whenAReactiveWebApplicationThenConsoleIsRouted() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("hot-restart.enabled=true", "management.endpoints.web.exposure.include=hotrestart")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("hotRestartConsoleRoutes")
				.doesNotHaveBean(HotRestartConsoleController.class));
	}

	@Test
	void whenTheServletApiIsMissingThenAReactiveApplicationStillGetsTheConsole() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withClassLoader(new FilteredClassLoader("jakarta.servlet.", "org.springframework.web.servlet."))
			.withPropertyValues("hot-restart.enabled=true", "management.endpoints.web.exposure.include=hotrestart")
			.run((context) -> assertThat(context).hasNotFailed().hasBean("hotRestartConsoleRoutes"));
	}

	@Test
	void whenSpringMvcIsMissingThenNoConsoleAndNoFailure() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet."))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HotRestartConsoleController.class));
	}

	@Test
	void whenActuatorIsMissingThenNoConsoleAndNoFailure() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HotRestartAutoConfiguration.class,
					HotRestartEndpointAutoConfiguration.class, HotRestartConsoleAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("hotRestartConsoleRoutes"));
	}

	@Test
	void whenNotAWebApplicationThenNoConsole() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("hot-restart.enabled=true", "management.endpoints.web.exposure.include=hotrestart")
			.run((context) -> assertThat(context).doesNotHaveBean(HotRestartConsoleController.class)
				.doesNotHaveBean("hotRestartConsoleRoutes"));
	}

	@Test
	void whenUserDefinesAControllerThenItIsUsed() {
		HotRestartConsoleController own = new HotRestartConsoleController(() -> "/tools/hotrestart");
		this.runner.withBean(HotRestartConsoleController.class, () -> own)
			.run((context) -> assertThat(context).getBean(HotRestartConsoleController.class).isSameAs(own));
	}

}

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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.security.HotRestartAccessFilter;
import dev.hotrestart.security.HotRestartAccessWebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartManagementAccessConfiguration}, the access rules in the
 * child context of a management server on a port of its own.
 */
class HotRestartManagementAccessConfigurationTests {

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withUserConfiguration(HotRestartManagementAccessConfiguration.class)
		.withBean(HotRestartProperties.class)
		.withPropertyValues("management.endpoints.web.base-path=/manage");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withUserConfiguration(HotRestartManagementAccessConfiguration.class)
		.withBean(HotRestartProperties.class);

	@Test
	void whenHotRestartIsActiveOnAServletManagementServerThenTheEndpointIsGuarded() {
		this.servlet.withBean(ParkingLot.class, () -> new ParkingLot(1, Duration.ofMinutes(1))).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(HotRestartAccessWebFilter.class);
			FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(HotRestartAccessFilter.class);
			assertThat(registration.getUrlPatterns()).containsExactlyInAnyOrder("/manage/hotrestart",
					"/manage/hotrestart/*");
		});
	}

	@Test
	void whenHotRestartIsActiveOnAReactiveManagementServerThenTheEndpointIsGuarded() {
		this.reactive.withBean(ParkingLot.class, () -> new ParkingLot(1, Duration.ofMinutes(1)))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(HotRestartAccessWebFilter.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void whenHotRestartIsOffThenNothingIsGuarded() {
		this.servlet.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FilterRegistrationBean.class));
		this.reactive
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HotRestartAccessWebFilter.class));
	}

	@Test
	void whenTheServletApiIsMissingThenTheWebFilterStillGuards() {
		this.reactive.withBean(ParkingLot.class, () -> new ParkingLot(1, Duration.ofMinutes(1)))
			.withClassLoader(new FilteredClassLoader("jakarta.servlet."))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(HotRestartAccessWebFilter.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void whenNotAWebApplicationThenNothingIsGuarded() {
		new ApplicationContextRunner().withUserConfiguration(HotRestartManagementAccessConfiguration.class)
			.withBean(HotRestartProperties.class)
			.withBean(ParkingLot.class, () -> new ParkingLot(1, Duration.ofMinutes(1)))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(HotRestartAccessWebFilter.class));
	}

}

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

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hotrestart.actuate.HotRestartEndpoint;
import dev.hotrestart.aop.HotRestartAdvisor;
import dev.hotrestart.locals.LocalsCapture;
import dev.hotrestart.park.ParkedCallActions;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassReloader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartAutoConfiguration} and
 * {@link HotRestartEndpointAutoConfiguration}.
 */
class HotRestartAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HotRestartAutoConfiguration.class, HotRestartEndpointAutoConfiguration.class,
					EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class));

	@Test
	void whenRunByATestRunnerThenHotRestartIsOff() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(HotRestartAdvisor.class)
			.doesNotHaveBean(ParkingLot.class)
			.doesNotHaveBean(HotRestartEndpoint.class));
	}

	@Test
	void whenEnabledThenAdviceParkingReloadingAndEndpointAreConfigured() {
		this.contextRunner
			.withPropertyValues("hot-restart.enabled=true", "management.endpoints.web.exposure.include=hotrestart")
			.run((context) -> assertThat(context).hasSingleBean(HotRestartAdvisor.class)
				.hasSingleBean(ParkingLot.class)
				.hasSingleBean(ClassReloader.class)
				.hasSingleBean(ParkedCallActions.class)
				.hasSingleBean(HotRestartEndpoint.class));
	}

	@Test
	void whenDisabledThenNothingIsConfigured() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HotRestartAdvisor.class)
				.doesNotHaveBean(HotRestartEndpoint.class));
	}

	@Test
	void whenEndpointIsNotExposedThenItIsNotConfigured() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ParkingLot.class)
				.doesNotHaveBean(HotRestartEndpoint.class));
	}

	@Test
	void whenPropertiesAreSetThenTheyShapeTheBeans() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true", "hot-restart.advice-order=42")
			.run((context) -> assertThat(context.getBean(HotRestartAdvisor.class).getOrder()).isEqualTo(42));
	}

	@Test
	void whenAdviceOrderIsDefaultThenAdviceRunsOutsideTransactions() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context.getBean(HotRestartAdvisor.class).getOrder())
				.isLessThan(org.springframework.core.Ordered.LOWEST_PRECEDENCE));
	}

	@Test
	void whenEnabledThenAParkStartsRecordingLocalVariables() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(LocalsCapture.class));
	}

	@Test
	void whenCaptureLocalsIsOffThenNothingStartsRecordingThem() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true", "hot-restart.capture-locals=false")
			.run((context) -> assertThat(context).hasSingleBean(ParkingLot.class).doesNotHaveBean(LocalsCapture.class));
	}

	@Test
	void whenUserDefinesAParkingLotThenItIsUsed() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.withUserConfiguration(CustomParkingLot.class)
			.run((context) -> assertThat(context).hasSingleBean(ParkingLot.class)
				.getBean(ParkingLot.class)
				.isSameAs(context.getBean(CustomParkingLot.class).lot));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomParkingLot {

		final ParkingLot lot = new ParkingLot(1, Duration.ofSeconds(1));

		@Bean
		ParkingLot customLot() {
			return this.lot;
		}

	}

}

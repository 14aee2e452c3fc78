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
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import dev.hotrestart.connection.ClientConnectionValve;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartAccessAutoConfiguration}.
 *
 * @author hot-restart authors
 */
class HotRestartAccessAutoConfigurationTests {

	private static final String VALVE_CUSTOMIZER = HotRestartAccessAutoConfiguration.VALVE_CUSTOMIZER_NAME;

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HotRestartAutoConfiguration.class, HotRestartAccessAutoConfiguration.class))
		.withPropertyValues("hot-restart.enabled=true");

	@Test
	void whenHotRestartIsActiveThenTheFilterGuardsTheEndpointAndTheConsole() {
		this.runner.run((context) -> {
			assertThat(context).hasBean(HotRestartAccessAutoConfiguration.FILTER_NAME);
			FilterRegistrationBean<?> registration = context.getBean(HotRestartAccessAutoConfiguration.FILTER_NAME,
					FilterRegistrationBean.class);
			assertThat(registration.getUrlPatterns()).contains("/actuator/hotrestart", "/actuator/hotrestart/*",
					"/hot-restart", "/hot-restart/*");
		});
	}

	@Test
	void whenTomcatIsPresentThenItsEngineGetsTheClientConnectionValveFirst() {
		this.runner.run((context) -> {
			assertThat(context).hasBean(VALVE_CUSTOMIZER);
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
			context.getBean(VALVE_CUSTOMIZER, ClientConnectionValveCustomizer.class).customize(factory);
			assertThat(factory.getEngineValves()).singleElement().isInstanceOf(ClientConnectionValve.class);
			assertThat(context.getBean(VALVE_CUSTOMIZER, ClientConnectionValveCustomizer.class).getOrder())
				.isEqualTo(Integer.MIN_VALUE);
		});
	}

	@Test
	void whenTomcatIsAbsentThenNoValveButTheFilterStill() {
		this.runner.withClassLoader(new FilteredClassLoader("org.apache.catalina", "org.springframework.boot.tomcat"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(VALVE_CUSTOMIZER);
				assertThat(context).hasBean(HotRestartAccessAutoConfiguration.FILTER_NAME);
			});
	}

	@Test
	void whenJettyIsAbsentThenTheFilterStillStarts() {
		this.runner.withClassLoader(new FilteredClassLoader("org.eclipse.jetty"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean(HotRestartAccessAutoConfiguration.FILTER_NAME));
	}

	@Test
	void whenTheSecretCannotBeSentExactlyThenStartUpFailsSayingWhy() {
		this.runner.withPropertyValues("hot-restart.remote.secret=with space")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("hot-restart.remote.secret")
				.hasMessageContaining("visible ASCII"));
	}

	@Test
	void whenHotRestartIsDisabledThenNothing() {
		this.runner.withPropertyValues("hot-restart.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HotRestartAccessAutoConfiguration.FILTER_NAME)
				.doesNotHaveBean(VALVE_CUSTOMIZER));
	}

	@Test
	void whenNotAServletWebApplicationThenNothing() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(HotRestartAutoConfiguration.class, HotRestartAccessAutoConfiguration.class))
			.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(HotRestartAccessAutoConfiguration.FILTER_NAME)
				.doesNotHaveBean(VALVE_CUSTOMIZER));
	}

}

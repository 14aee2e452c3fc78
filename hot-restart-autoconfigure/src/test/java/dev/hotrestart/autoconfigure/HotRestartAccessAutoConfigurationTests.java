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

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import dev.hotrestart.connection.ClientConnectionValve;
import dev.hotrestart.security.AccessGuard;
import dev.hotrestart.security.AccessRules;
import dev.hotrestart.security.HotRestartAccessFilter;
import dev.hotrestart.security.HotRestartAccessWebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartAccessAutoConfiguration}.
 *
 * @author hot-restart authors
 */
class HotRestartAccessAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(HotRestartAutoConfiguration.class,
			HotRestartAccessAutoConfiguration.class);

	private static final String VALVE_CUSTOMIZER = HotRestartAccessAutoConfiguration.VALVE_CUSTOMIZER_NAME;

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("hot-restart.enabled=true");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("hot-restart.enabled=true");

	@Test
	void whenAServletWebApplicationThenAServletFilterGuardsTheEndpointAndTheConsole() {
		this.servlet.withPropertyValues("management.endpoints.web.base-path=/manage").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(HotRestartAccessWebFilter.class);
			FilterRegistrationBean<?> registration = context.getBean(HotRestartAccessAutoConfiguration.FILTER_NAME,
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(HotRestartAccessFilter.class);
			assertThat(registration.getUrlPatterns()).containsExactlyInAnyOrder("/manage/hotrestart",
					"/manage/hotrestart/*", "/hot-restart", "/hot-restart/*");
			assertThat(registration.getOrder()).isEqualTo(Integer.MIN_VALUE);
		});
	}

	@Test
	void whenAReactiveWebApplicationThenAWebFilterGuardsTheEndpointAndTheConsole() {
		this.reactive.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(HotRestartAccessWebFilter.class)
			.doesNotHaveBean(FilterRegistrationBean.class)
			.getBean(HotRestartAccessWebFilter.class)
			.extracting(HotRestartAccessWebFilter::getOrder)
			.isEqualTo(Integer.MIN_VALUE));
	}

	@Test
	void whenNotAWebApplicationThenNothingIsGuarded() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(HotRestartAccessWebFilter.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void whenHotRestartIsOffThenNothingIsGuarded() {
		this.servlet.withPropertyValues("hot-restart.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
		this.reactive.withPropertyValues("hot-restart.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HotRestartAccessWebFilter.class));
	}

	@Test
	void whenTheServletApiIsMissingThenTheWebFilterStillGuards() {
		this.reactive.withClassLoader(new FilteredClassLoader("jakarta.servlet."))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(HotRestartAccessWebFilter.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void whenSpringMvcIsMissingThenTheServletFilterStillGuards() {
		this.servlet.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet."))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean(HotRestartAccessAutoConfiguration.FILTER_NAME));
	}

	@Test
	void whenWebFluxAndReactorAreMissingThenTheServletFilterStillGuards() {
		this.servlet.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive.", "reactor."))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean(HotRestartAccessAutoConfiguration.FILTER_NAME)
				.doesNotHaveBean(HotRestartAccessWebFilter.class));
	}

	@Test
	void whenActuatorIsMissingThenTheConsoleIsStillGuarded() {
		this.reactive.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(HotRestartAccessWebFilter.class));
	}

	@Test
	void whenUserDefinesTheFiltersThenTheyAreUsed() {
		HotRestartAccessWebFilter own = new HotRestartAccessWebFilter(new AccessGuard(new AccessRules(null)),
				List.of("/tools"));
		this.reactive
			.withBean(HotRestartAccessAutoConfiguration.WEB_FILTER_NAME, HotRestartAccessWebFilter.class, () -> own)
			.run((context) -> assertThat(context).getBean(HotRestartAccessWebFilter.class).isSameAs(own));
		FilterRegistrationBean<HotRestartAccessFilter> ownRegistration = new FilterRegistrationBean<>();
		this.servlet
			.withBean(HotRestartAccessAutoConfiguration.FILTER_NAME, FilterRegistrationBean.class,
					() -> ownRegistration)
			.run((context) -> assertThat(context).getBean(HotRestartAccessAutoConfiguration.FILTER_NAME)
				.isSameAs(ownRegistration));
	}

	@Test
	void whenTomcatIsPresentThenItsEngineGetsTheClientConnectionValveFirst() {
		this.servlet.run((context) -> {
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
		this.servlet.withClassLoader(new FilteredClassLoader("org.apache.catalina", "org.springframework.boot.tomcat"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(VALVE_CUSTOMIZER);
				assertThat(context).hasBean(HotRestartAccessAutoConfiguration.FILTER_NAME);
			});
	}

	@Test
	void whenJettyIsAbsentThenTheFilterStillStarts() {
		this.servlet.withClassLoader(new FilteredClassLoader("org.eclipse.jetty"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean(HotRestartAccessAutoConfiguration.FILTER_NAME));
	}

	@Test
	void whenTheSecretCannotBeSentExactlyThenStartUpFailsSayingWhy() {
		this.servlet.withPropertyValues("hot-restart.remote.secret=with space")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("hot-restart.remote.secret")
				.hasMessageContaining("visible ASCII"));
		this.reactive.withPropertyValues("hot-restart.remote.secret=with space")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("visible ASCII"));
	}

}

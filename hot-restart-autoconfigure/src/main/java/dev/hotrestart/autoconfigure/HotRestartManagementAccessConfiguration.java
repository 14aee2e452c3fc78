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
import java.util.Set;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.security.HotRestartAccessFilter;
import dev.hotrestart.security.HotRestartAccessWebFilter;

/**
 * The access rules of the endpoint when Actuator serves it on a management port of its
 * own ({@code management.server.port}), whose child context does not see the main
 * context's filters nor customize the main server: a servlet filter, or a web filter in a
 * reactive application.
 *
 * @author hot-restart authors
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnBean(ParkingLot.class)
class HotRestartManagementAccessConfiguration {

	/**
	 * On a servlet management server.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = { "jakarta.servlet.Filter", "org.springframework.web.filter.OncePerRequestFilter" })
	static class ServletManagementAccessConfiguration {

		@Bean
		FilterRegistrationBean<HotRestartAccessFilter> hotRestartManagementAccessFilter(HotRestartProperties properties,
				Environment environment) {
			return HotRestartAccessAutoConfiguration.ServletAccessConfiguration.registration(properties,
					Set.of(HotRestartAccessAutoConfiguration.endpointPath(environment)));
		}

	}

	/**
	 * On a reactive management server.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
	static class ReactiveManagementAccessConfiguration {

		@Bean
		HotRestartAccessWebFilter hotRestartManagementAccessWebFilter(HotRestartProperties properties,
				Environment environment) {
			return HotRestartAccessAutoConfiguration.ReactiveAccessConfiguration.webFilter(properties,
					List.of(HotRestartAccessAutoConfiguration.endpointPath(environment)));
		}

	}

	/**
	 * On Tomcat: the valve that tells each request's connection, on the management server
	 * too.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.apache.catalina.Valve", HotRestartAccessAutoConfiguration.TOMCAT_FACTORY })
	static class TomcatConfiguration {

		@Bean
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> hotRestartManagementClientConnectionValveCustomizer() {
			return new ClientConnectionValveCustomizer();
		}

	}

}

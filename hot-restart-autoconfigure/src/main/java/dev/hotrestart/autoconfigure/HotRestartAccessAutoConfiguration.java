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

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import dev.hotrestart.actuate.HotRestartEndpoint;
import dev.hotrestart.console.ConsolePage;
import dev.hotrestart.console.HotRestartConsoleController;
import dev.hotrestart.security.AccessGuard;
import dev.hotrestart.security.AccessRules;
import dev.hotrestart.security.HotRestartAccessFilter;
import dev.hotrestart.security.HotRestartAccessWebFilter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the access rules of the endpoint and the console, on their paths
 * only and ahead of everything else, refusing other hosts, non-loopback {@code Host}
 * headers and cross-site writes (see {@link AccessRules}): a servlet filter in a servlet
 * web application, a web filter in a reactive one. On Tomcat, a valve tells hot restart
 * each request's real peer, whatever forwarded headers claim, and whether its client is
 * still there (see {@link dev.hotrestart.connection.ClientConnectionValve}); on Reactor
 * Netty, the connection's channel tells it.
 *
 * @author hot-restart authors
 */
@AutoConfiguration(after = HotRestartAutoConfiguration.class)
@ConditionalOnHotRestartActive
@ConditionalOnWebApplication
@EnableConfigurationProperties(HotRestartProperties.class)
public final class HotRestartAccessAutoConfiguration {

	static final String FILTER_NAME = "hotRestartAccessFilter";

	static final String WEB_FILTER_NAME = "hotRestartAccessWebFilter";

	static final String VALVE_CUSTOMIZER_NAME = "hotRestartClientConnectionValveCustomizer";

	static final String TOMCAT_FACTORY = "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory";

	/**
	 * In a servlet web application: a servlet filter.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = { "jakarta.servlet.Filter", "org.springframework.web.filter.OncePerRequestFilter" })
	static class ServletAccessConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = FILTER_NAME)
		FilterRegistrationBean<HotRestartAccessFilter> hotRestartAccessFilter(HotRestartProperties properties,
				Environment environment) {
			Set<String> paths = new LinkedHashSet<>();
			String servletPath = trimSlashes(environment.getProperty("spring.mvc.servlet.path", "/"));
			paths.add(servletPath + endpointPath(environment));
			paths.add(HotRestartConsoleController.PATH);
			paths.add(servletPath + HotRestartConsoleController.PATH);
			return registration(properties, paths);
		}

		static FilterRegistrationBean<HotRestartAccessFilter> registration(HotRestartProperties properties,
				Set<String> paths) {
			FilterRegistrationBean<HotRestartAccessFilter> registration = new FilterRegistrationBean<>(
					new HotRestartAccessFilter(guard(properties)));
			registration.setName(FILTER_NAME);
			// Ahead of filters that rewrite the remote address from forwarded headers
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			for (String path : paths) {
				registration.addUrlPatterns(path, path + "/*");
			}
			return registration;
		}

	}

	/**
	 * In a reactive web application: a web filter.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
	static class ReactiveAccessConfiguration {

		@Bean(WEB_FILTER_NAME)
		@ConditionalOnMissingBean(name = WEB_FILTER_NAME)
		HotRestartAccessWebFilter hotRestartAccessWebFilter(HotRestartProperties properties, Environment environment) {
			return webFilter(properties, List.of(endpointPath(environment), ConsolePage.PATH));
		}

		static HotRestartAccessWebFilter webFilter(HotRestartProperties properties, Collection<String> paths) {
			return new HotRestartAccessWebFilter(guard(properties), paths);
		}

	}

	/**
	 * Return the guard that applies the access rules, shared by every kind of filter.
	 * @param properties the properties
	 * @return a new guard
	 */
	static AccessGuard guard(HotRestartProperties properties) {
		return new AccessGuard(new AccessRules(properties.getRemote().getSecret()),
				properties.getRemote().getMaxFailures());
	}

	/**
	 * Return the path of the {@code hotrestart} endpoint, as Actuator maps it.
	 * @param environment the environment
	 * @return the path, such as {@code /actuator/hotrestart}
	 */
	static String endpointPath(Environment environment) {
		String basePath = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		String mapping = environment.getProperty("management.endpoints.web.path-mapping." + HotRestartEndpoint.ID,
				HotRestartEndpoint.ID);
		return trimSlashes(basePath) + trimSlashes(mapping);
	}

	/**
	 * Return a path with one leading slash and none trailing, or the empty string for the
	 * root.
	 */
	private static String trimSlashes(String path) {
		String trimmed = path.trim();
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed.isEmpty() ? "" : "/" + trimmed;
	}

	/**
	 * On Tomcat: the valve that tells each request's connection.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.apache.catalina.Valve", TOMCAT_FACTORY })
	static class TomcatConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = VALVE_CUSTOMIZER_NAME)
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> hotRestartClientConnectionValveCustomizer() {
			return new ClientConnectionValveCustomizer();
		}

	}

}

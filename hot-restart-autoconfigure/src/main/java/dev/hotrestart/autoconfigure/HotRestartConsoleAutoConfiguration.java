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

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.hotrestart.actuate.HotRestartEndpoint;
import dev.hotrestart.console.ConsolePage;
import dev.hotrestart.console.HotRestartConsoleController;
import dev.hotrestart.console.HotRestartConsoleRoutes;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the web console at {@code /hot-restart}. Only when hot restart
 * is active in a web application whose {@code hotrestart} endpoint is available on the
 * main port, since the console does everything through that endpoint: Spring MVC serves
 * it in a servlet application, a router function in a WebFlux one.
 * <p>
 * The console's files are not under {@code META-INF/resources}, which Spring MVC serves
 * unconditionally: with hot restart off, {@code /hot-restart} does not exist.
 *
 * @author hot-restart authors
 */
@AutoConfiguration(after = { HotRestartEndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class })
@ConditionalOnHotRestartActive
@ConditionalOnWebApplication
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
public final class HotRestartConsoleAutoConfiguration {

	/**
	 * With Spring MVC.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
	@ConditionalOnBean({ HotRestartEndpoint.class, PathMappedEndpoints.class })
	@ConditionalOnManagementPort(ManagementPortType.SAME)
	static class ConsoleConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HotRestartConsoleController hotRestartConsoleController(PathMappedEndpoints endpoints) {
			return new HotRestartConsoleController(() -> endpoints.getPath(EndpointId.of(HotRestartEndpoint.ID)));
		}

		@Bean
		WebMvcConfigurer hotRestartConsoleResources() {
			return new WebMvcConfigurer() {

				@Override
				public void addResourceHandlers(ResourceHandlerRegistry registry) {
					registry.addResourceHandler(ConsolePage.PATH + "/**")
						.addResourceLocations(ConsolePage.LOCATION)
						.setCacheControl(CacheControl.noCache());
				}

			};
		}

	}

	/**
	 * With WebFlux.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
	@ConditionalOnBean({ HotRestartEndpoint.class, PathMappedEndpoints.class })
	@ConditionalOnManagementPort(ManagementPortType.SAME)
	static class ReactiveConsoleConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "hotRestartConsoleRoutes")
		RouterFunction<ServerResponse> hotRestartConsoleRoutes(PathMappedEndpoints endpoints) {
			return HotRestartConsoleRoutes
				.of(new ConsolePage(() -> endpoints.getPath(EndpointId.of(HotRestartEndpoint.ID))));
		}

	}

}

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

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.hotrestart.actuate.HotRestartEndpoint;
import dev.hotrestart.console.HotRestartConsoleController;
import dev.hotrestart.locals.LocalsInstallation;

/**
 * Decides, once per application start, whether hot restart is active, logs the decision
 * with its reason, and records it for {@link OnHotRestartActiveCondition}. When active it
 * also adds the {@code hotrestart} endpoint to the web exposure, so that it answers with
 * no {@code management.*} configuration; an explicit exposure exclude still wins. And it
 * switches the recording of local variables on or off
 * ({@code hot-restart.capture-locals}) before the application's classes load.
 *
 * @author hot-restart authors
 */
class HotRestartEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String ACTIVE_PROPERTY = "hot-restart.internal.active";

	static final String REASON_PROPERTY = "hot-restart.internal.reason";

	private static final String EXPOSURE_PROPERTY = "management.endpoints.web.exposure.include";

	private static final String MANAGEMENT_PORT_PROPERTY = "management.server.port";

	private final Log logger;

	HotRestartEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(HotRestartEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		// After config data, so that hot-restart.enabled from application.properties
		// counts
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		HotRestartActivation.Decision decision = HotRestartActivation.decide(environment,
				application.getMainApplicationClass(), Thread.currentThread().getStackTrace());
		this.logger.info(decision.logLine(DecisionHint.of(environment, application.getWebApplicationType()),
				consolePath(environment, application)));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(ACTIVE_PROPERTY, decision.active());
		properties.put(REASON_PROPERTY, decision.reason());
		properties.put(DecisionHint.WEB_APPLICATION_TYPE_PROPERTY, application.getWebApplicationType().name());
		environment.getPropertySources().addLast(new MapPropertySource("hotRestartActivation", properties));
		if (decision.active()) {
			exposeEndpoint(environment);
		}
		switchLocalsCapture(environment);
	}

	private void switchLocalsCapture(ConfigurableEnvironment environment) {
		// Before the application's classes load: none is instrumented on the start-up
		// path
		if (Binder.get(environment).bind(LocalsInstallation.PROPERTY, Boolean.class).orElse(true)) {
			LocalsInstallation.switchOn();
			LocalsInstallation.deferLoads();
		}
		else {
			LocalsInstallation.switchOff();
		}
	}

	// The console needs a web server and the endpoint on its port
	private static @Nullable String consolePath(ConfigurableEnvironment environment, SpringApplication application) {
		if (application.getWebApplicationType() == WebApplicationType.NONE) {
			return null;
		}
		String managementPort = environment.getProperty(MANAGEMENT_PORT_PROPERTY);
		if (managementPort != null && !managementPort.equals(environment.getProperty("server.port", "8080"))) {
			return null;
		}
		return HotRestartConsoleController.PATH;
	}

	private void exposeEndpoint(ConfigurableEnvironment environment) {
		Set<String> include = new LinkedHashSet<>(
				Binder.get(environment).bind(EXPOSURE_PROPERTY, Bindable.setOf(String.class)).orElse(Set.of("health")));
		if (include.contains("*") || include.contains(HotRestartEndpoint.ID)) {
			return;
		}
		include.add(HotRestartEndpoint.ID);
		environment.getPropertySources()
			.addFirst(
					new MapPropertySource("hotRestartExposure", Map.of(EXPOSURE_PROPERTY, String.join(",", include))));
	}

}

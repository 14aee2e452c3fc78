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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hotrestart.actuate.HotRestartEndpoint;
import dev.hotrestart.devtools.RestartAction;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.resume.ChangeApplier;
import dev.hotrestart.resume.ParkedCallActions;
import dev.hotrestart.resume.ResumeOnSave;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code hotrestart} endpoint. Safe without Actuator on the
 * class path: it then simply does not apply, and the endpoint's own conditions, which
 * need Actuator's classes, are never looked at.
 *
 * @author hot-restart authors
 */
@AutoConfiguration(after = { HotRestartAutoConfiguration.class, HotRestartDevToolsAutoConfiguration.class })
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(ParkedCallActions.class)
public final class HotRestartEndpointAutoConfiguration {

	/**
	 * The endpoint, when it is available (exposed and accessible).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(HotRestartEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HotRestartEndpoint hotRestartEndpoint(ParkingLot parkingLot, ParkedCallActions actions, ClassReloader reloader,
				ApplicationCode applicationCode, ObjectProvider<ChangeApplier> changeApplier,
				ObjectProvider<ResumeOnSave> resumeOnSave, ObjectProvider<RestartAction> restartAction) {
			return new HotRestartEndpoint(parkingLot, actions, reloader, applicationCode,
					changeApplier.getIfAvailable(), resumeOnSave.getIfAvailable(), restartAction.getIfAvailable());
		}

	}

}

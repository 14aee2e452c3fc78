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
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.hotrestart.devtools.ParkedCallClassPathChangedListener;
import dev.hotrestart.devtools.ParkedCallRestartStrategyPostProcessor;
import dev.hotrestart.devtools.RestartAction;
import dev.hotrestart.devtools.RestartClock;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassFileBaseline;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of hot restart's life with Spring Boot DevTools: with DevTools
 * restart active, class changes made while calls are parked do not restart the
 * application (hot restart applies them instead), and restarts release parked calls
 * first. Ordered before DevTools' own auto-configuration, whose restart strategy it
 * wraps.
 *
 * @author hot-restart authors
 */
@AutoConfiguration(beforeName = "org.springframework.boot.devtools.autoconfigure.LocalDevToolsAutoConfiguration")
@ConditionalOnHotRestartActive
@EnableConfigurationProperties(HotRestartProperties.class)
public final class HotRestartDevToolsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RestartAction hotRestartRestartAction(ParkingLot parkingLot, HotRestartProperties properties) {
		return new RestartAction(parkingLot, properties.getReleaseWait());
	}

	/**
	 * When DevTools may restart the application: remember when it restarted, so that the
	 * class file baseline starts afresh with each restart class loader.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnDevToolsRestarterCondition.class)
	static class RestarterConfiguration {

		@Bean
		static RestartClock hotRestartRestartClock() {
			return new RestartClock();
		}

	}

	/**
	 * When DevTools watches the class path: keep class changes for parked calls rather
	 * than restarting.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnDevToolsFileWatcherCondition.class)
	static class DevToolsFileWatcherConfiguration {

		@Bean
		static ParkedCallRestartStrategyPostProcessor hotRestartRestartStrategyPostProcessor(
				ObjectProvider<ParkingLot> parkingLot, ObjectProvider<ClassFileBaseline> baseline) {
			return new ParkedCallRestartStrategyPostProcessor(parkingLot::getObject, baseline::getObject);
		}

		@Bean
		ParkedCallClassPathChangedListener hotRestartClassPathChangedListener(ParkingLot parkingLot,
				ClassFileBaseline baseline) {
			return new ParkedCallClassPathChangedListener(parkingLot, baseline);
		}

	}

}

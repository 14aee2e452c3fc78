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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.hotrestart.devtools.ClassDirectoryWatcher;
import dev.hotrestart.devtools.ParkedCallClassPathChangedListener;
import dev.hotrestart.devtools.ParkedCallRestartStrategyPostProcessor;
import dev.hotrestart.devtools.RestartAction;
import dev.hotrestart.devtools.RestartClock;
import dev.hotrestart.devtools.ResumeOnSave;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassDirectories;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.ClassReloader;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of hot restart's life with Spring Boot DevTools, and of resume on
 * save. With DevTools restart active, class changes made while calls are parked do not
 * restart the application, restarts release parked calls first, and resume on save
 * follows DevTools' change events; without it, a light watcher of the class directories
 * drives resume on save. Ordered before DevTools' own auto-configuration and before
 * {@link HotRestartAutoConfiguration}, whose class file baseline it replaces when
 * DevTools restarts the application.
 *
 * @author hot-restart authors
 */
@AutoConfiguration(before = HotRestartAutoConfiguration.class,
		beforeName = "org.springframework.boot.devtools.autoconfigure.LocalDevToolsAutoConfiguration")
@Conditional(OnHotRestartActiveCondition.class)
@EnableConfigurationProperties(HotRestartProperties.class)
public final class HotRestartDevToolsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ResumeOnSave hotRestartResumeOnSave(ParkingLot parkingLot, ClassReloader reloader,
			HotRestartProperties properties) {
		return new ResumeOnSave(parkingLot, reloader, properties.isAutoContinue());
	}

	@Bean
	@ConditionalOnMissingBean
	RestartAction hotRestartRestartAction(ParkingLot parkingLot, HotRestartProperties properties) {
		return new RestartAction(parkingLot, properties.getReleaseWait());
	}

	/**
	 * When DevTools may restart the application: a class file baseline that starts afresh
	 * with each restart class loader.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnDevToolsRestarterCondition.class)
	static class RestarterConfiguration {

		@Bean
		static RestartClock hotRestartRestartClock() {
			return new RestartClock();
		}

		@Bean
		@ConditionalOnMissingBean
		ClassFileBaseline hotRestartClassFileBaseline() {
			return new ClassFileBaseline(ClassDirectories.ofClassPath(), RestartClock::classesLoadedSince);
		}

	}

	/**
	 * When DevTools watches the class path: keep class changes for parked calls, and
	 * resume on DevTools' change events.
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
				ResumeOnSave resumeOnSave) {
			return new ParkedCallClassPathChangedListener(parkingLot, resumeOnSave);
		}

	}

	/**
	 * Without DevTools' file watcher: watch the class directories while calls are parked
	 * and resume on save is on.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(NoDevToolsFileWatcherCondition.class)
	static class ClassDirectoryWatcherConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ClassDirectoryWatcher hotRestartClassDirectoryWatcher(ClassFileBaseline baseline, ParkingLot parkingLot,
				ResumeOnSave resumeOnSave) {
			ClassDirectoryWatcher watcher = new ClassDirectoryWatcher(baseline.getDirectories(), parkingLot,
					resumeOnSave, Duration.ofMillis(500), Duration.ofMillis(400));
			parkingLot.addListener(watcher);
			resumeOnSave.onEnabled(watcher::start);
			return watcher;
		}

	}

	static class NoDevToolsFileWatcherCondition extends NoneNestedConditions {

		NoDevToolsFileWatcherCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(OnDevToolsFileWatcherCondition.class)
		static class DevToolsFileWatcher {

		}

	}

}

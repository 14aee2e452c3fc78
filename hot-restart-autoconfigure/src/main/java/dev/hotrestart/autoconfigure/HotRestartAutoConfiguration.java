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

import java.lang.management.ManagementFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import dev.hotrestart.aop.HotRestartAdvisor;
import dev.hotrestart.aop.HotRestartInterceptor;
import dev.hotrestart.locals.LocalsCapture;
import dev.hotrestart.park.ExceptionRules;
import dev.hotrestart.park.ParkPolicy;
import dev.hotrestart.park.ParkedCallActions;
import dev.hotrestart.park.ParkedCallReleaser;
import dev.hotrestart.park.ParkedRequests;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassDirectories;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.InstrumentationProvider;
import dev.hotrestart.reload.ReloadPreparation;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of hot restart: the advice around
 * {@link dev.hotrestart.HotRestart @HotRestart} methods, the parking lot and the
 * reloading of changed classes. Only when hot restart is active (see
 * {@link HotRestartProperties#getEnabled()}).
 *
 * @author hot-restart authors
 */
@AutoConfiguration
@Conditional(OnHotRestartActiveCondition.class)
@EnableConfigurationProperties(HotRestartProperties.class)
public final class HotRestartAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static HotRestartAdvisor hotRestartAdvisor(ObjectProvider<ParkingLot> parkingLot, ObjectProvider<ParkPolicy> policy,
			Environment environment) {
		int order = environment.getProperty("hot-restart.advice-order", Integer.class, HotRestartAdvisor.DEFAULT_ORDER);
		return new HotRestartAdvisor(new HotRestartInterceptor(parkingLot::getObject, policy::getObject), order);
	}

	@Bean
	@ConditionalOnMissingBean
	ParkingLot hotRestartParkingLot(HotRestartProperties properties) {
		return new ParkingLot(properties.getMaxParked(), properties.getParkTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	ParkPolicy hotRestartParkPolicy(ParkingLot parkingLot, HotRestartProperties properties) {
		return new ParkPolicy(parkingLot, new ExceptionRules(properties.getNeverPark(), properties.isParkHttpErrors()),
				properties.isParkInCallerTransaction());
	}

	@Bean
	ParkedCallReleaser hotRestartParkedCallReleaser(ParkingLot parkingLot, HotRestartProperties properties,
			ObjectProvider<ParkedRequests> parkedRequests) {
		return new ParkedCallReleaser(parkingLot, properties.getReleaseWait(), parkedRequests.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	ClassFileBaseline hotRestartClassFileBaseline() {
		return new ClassFileBaseline(ClassDirectories.ofClassPath(),
				() -> ManagementFactory.getRuntimeMXBean().getStartTime());
	}

	@Bean
	@ConditionalOnMissingBean
	InstrumentationProvider hotRestartInstrumentationProvider() {
		return new InstrumentationProvider();
	}

	@Bean
	@ConditionalOnMissingBean
	ClassReloader hotRestartClassReloader(ClassFileBaseline baseline, InstrumentationProvider instrumentationProvider,
			ResourceLoader resourceLoader) {
		return new ClassReloader(baseline, instrumentationProvider, resourceLoader.getClassLoader());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "hot-restart.reload-on-continue", matchIfMissing = true)
	ReloadPreparation hotRestartReloadPreparation(ClassFileBaseline baseline, ClassReloader reloader,
			ParkingLot parkingLot) {
		ReloadPreparation preparation = new ReloadPreparation(baseline, reloader);
		parkingLot.addListener(preparation);
		return preparation;
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "hot-restart.capture-locals", matchIfMissing = true)
	LocalsCapture hotRestartLocalsCapture(ClassFileBaseline baseline, InstrumentationProvider instrumentationProvider,
			ParkingLot parkingLot) {
		LocalsCapture capture = new LocalsCapture(instrumentationProvider::get, baseline.getDirectories(),
				baseline::isCurrent);
		parkingLot.addListener(capture);
		return capture;
	}

	@Bean
	@ConditionalOnMissingBean
	ParkedCallActions hotRestartParkedCallActions(ParkingLot parkingLot, ClassReloader reloader,
			HotRestartProperties properties) {
		return new ParkedCallActions(parkingLot, reloader, properties.getContinueWait(),
				properties.isReloadOnContinue());
	}

	/**
	 * In a servlet web application: shutdown waits until released callers have their
	 * answer.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = { "jakarta.servlet.ServletRequestListener",
			"org.springframework.web.context.request.RequestContextHolder" })
	static class ServletConfiguration {

		@Bean
		ParkedRequests hotRestartParkedRequests(ParkingLot parkingLot) {
			ParkedRequests parkedRequests = new ParkedRequests();
			parkingLot.addListener(parkedRequests);
			return parkedRequests;
		}

		@Bean
		ServletListenerRegistrationBean<ParkedRequests> hotRestartParkedRequestsListener(
				ParkedRequests parkedRequests) {
			return new ServletListenerRegistrationBean<>(parkedRequests);
		}

	}

}

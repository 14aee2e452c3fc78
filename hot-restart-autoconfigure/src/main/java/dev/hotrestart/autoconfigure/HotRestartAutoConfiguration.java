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

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import dev.hotrestart.aop.HotRestartAdvisor;
import dev.hotrestart.aop.HotRestartInterceptor;
import dev.hotrestart.compile.ChangedSourceCompiler;
import dev.hotrestart.compile.SourceBaseline;
import dev.hotrestart.aop.HotRestartUsageCheck;
import dev.hotrestart.aop.OptInExpression;
import dev.hotrestart.devtools.RestartClock;
import dev.hotrestart.locals.LocalsCapture;
import dev.hotrestart.park.ExceptionRules;
import dev.hotrestart.park.ParkListener;
import dev.hotrestart.park.ParkPolicy;
import dev.hotrestart.park.ParkedCallReleaser;
import dev.hotrestart.park.ParkedExchanges;
import dev.hotrestart.park.ParkedRequests;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.park.ParkingQuota;
import dev.hotrestart.park.ReleasedRequests;
import dev.hotrestart.park.ThreadlessWaits;
import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.ClassDirectories;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.InstrumentationProvider;
import dev.hotrestart.resume.ChangeApplier;
import dev.hotrestart.resume.ClassDirectoryWatcher;
import dev.hotrestart.resume.CompileWarmUp;
import dev.hotrestart.resume.ParkedCallActions;
import dev.hotrestart.resume.ReloadWarmUp;
import dev.hotrestart.resume.ResumeOnSave;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of hot restart: the advice around
 * {@link dev.hotrestart.HotRestart @HotRestart} methods, the parking lot, the reloading
 * of changed classes and the continue and abort actions. Only when hot restart is active
 * (see {@link HotRestartProperties#getEnabled()}).
 * <p>
 * Beans that want to hear of every parked call implement {@link ParkListener}; the
 * parking lot finds them in the context.
 *
 * @author hot-restart authors
 */
@AutoConfiguration
@ConditionalOnHotRestartActive
@EnableConfigurationProperties(HotRestartProperties.class)
public final class HotRestartAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static HotRestartAdvisor hotRestartAdvisor(ObjectProvider<ParkingLot> parkingLot, ObjectProvider<ParkPolicy> policy,
			ObjectProvider<ThreadlessWaits> waits, Environment environment, BeanFactory beanFactory) {
		// An advisor is created before configuration properties beans can be: bind them
		// here
		HotRestartProperties properties = Binder.get(environment)
			.bindOrCreate(HotRestartProperties.PREFIX, HotRestartProperties.class);
		OptInExpression optIn = OptInExpression.parse(properties.getPointcut(), beanFactory);
		return new HotRestartAdvisor(
				new HotRestartInterceptor(parkingLot::getObject, policy::getObject, waits::getObject),
				properties.getAdviceOrder(), optIn);
	}

	@Bean
	HotRestartUsageCheck hotRestartUsageCheck(ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<HotRestartAdvisor> advisor) {
		return new HotRestartUsageCheck(beanFactory, advisor::getIfAvailable);
	}

	@Bean
	@ConditionalOnMissingBean
	ParkingLot hotRestartParkingLot(HotRestartProperties properties, ObjectProvider<ParkListener> listeners,
			Environment environment) {
		return new ParkingLot(ParkingQuota.of(properties.getMaxParked(), properties.getRemote().getMaxParked()),
				properties.getParkTimeout(), listeners::orderedStream, DecisionHint.of(environment).howToDecide());
	}

	@Bean
	@ConditionalOnMissingBean
	ParkPolicy hotRestartParkPolicy(ParkingLot parkingLot, HotRestartProperties properties) {
		return new ParkPolicy(parkingLot, new ExceptionRules(properties.getNeverPark(), properties.isParkHttpErrors()),
				properties.isParkInCallerTransaction());
	}

	@Bean
	@ConditionalOnMissingBean
	ThreadlessWaits hotRestartThreadlessWaits(ParkingLot parkingLot, HotRestartProperties properties) {
		return new ThreadlessWaits(parkingLot, properties.getMaxParked());
	}

	@Bean
	ParkedCallReleaser hotRestartParkedCallReleaser(ParkingLot parkingLot, HotRestartProperties properties,
			ObjectProvider<ReleasedRequests> releasedRequests) {
		return new ParkedCallReleaser(parkingLot, properties.getReleaseWait(), releasedRequests.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	ClassFileBaseline hotRestartClassFileBaseline() {
		// After a DevTools restart only the classes loaded since then are as they were
		return new ClassFileBaseline(ClassDirectories.ofClassPath(), RestartClock::classesLoadedSince);
	}

	@Bean
	@ConditionalOnMissingBean
	ApplicationCode hotRestartApplicationCode(ClassFileBaseline baseline, HotRestartProperties properties) {
		return new ApplicationCode(baseline.getDirectories(),
				properties.getSourceDirectories().stream().map(File::toPath).toList());
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
	ReloadWarmUp hotRestartReloadWarmUp(ClassFileBaseline baseline, ClassReloader reloader) {
		return new ReloadWarmUp(baseline, reloader);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "hot-restart.capture-locals", matchIfMissing = true)
	LocalsCapture hotRestartLocalsCapture(ClassFileBaseline baseline, InstrumentationProvider instrumentationProvider) {
		return new LocalsCapture(instrumentationProvider::get, baseline.getDirectories(), baseline::isCurrent);
	}

	@Bean
	@ConditionalOnMissingBean
	ParkedCallActions hotRestartParkedCallActions(ParkingLot parkingLot, ObjectProvider<ChangedSourceCompiler> compiler,
			ClassReloader reloader, HotRestartProperties properties) {
		return new ParkedCallActions(parkingLot, compiler.getIfAvailable(), reloader, properties.getContinueWait(),
				properties.isReloadOnContinue());
	}

	@Bean
	@ConditionalOnMissingBean
	ResumeOnSave hotRestartResumeOnSave(ParkedCallActions actions, HotRestartProperties properties) {
		return new ResumeOnSave(actions, properties.isAutoContinue());
	}

	/**
	 * While calls are parked: apply each build the moment it lands in the class
	 * directories, unless another tool reloads classes.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "hot-restart.reload-on-continue", matchIfMissing = true)
	static class ApplyOnSaveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ChangeApplier hotRestartChangeApplier(ParkedCallActions actions, ResumeOnSave resumeOnSave) {
			return new ChangeApplier(actions, resumeOnSave);
		}

		@Bean
		@ConditionalOnMissingBean
		ClassDirectoryWatcher hotRestartClassDirectoryWatcher(ClassFileBaseline baseline,
				ObjectProvider<ChangedSourceCompiler> compiler, ParkingLot parkingLot, ChangeApplier applier,
				HotRestartProperties properties) {
			HotRestartProperties.Watch watch = properties.getWatch();
			ChangedSourceCompiler sources = compiler.getIfAvailable();
			Supplier<List<Path>> sourceDirectories = (sources != null) ? sources::getSourceDirectories : List::of;
			return new ClassDirectoryWatcher(baseline.getDirectories(), sourceDirectories, parkingLot, applier,
					watch.getQuietPeriod(), watch.getPollInterval());
		}

	}

	/**
	 * Unless turned off, or another tool reloads classes: a continue first compiles the
	 * saved sources that changed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = { "hot-restart.reload-on-continue", "hot-restart.compile-on-continue" },
			matchIfMissing = true)
	static class CompileOnContinueConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ChangedSourceCompiler hotRestartChangedSourceCompiler(ApplicationCode applicationCode) {
			return new ChangedSourceCompiler(
					new SourceBaseline(applicationCode.getSourceFiles()::getRoots, RestartClock::classesLoadedSince),
					applicationCode);
		}

		@Bean
		CompileWarmUp hotRestartCompileWarmUp(ChangedSourceCompiler compiler) {
			return new CompileWarmUp(compiler);
		}

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
		ParkedRequests hotRestartParkedRequests() {
			return new ParkedRequests();
		}

		@Bean
		ServletListenerRegistrationBean<ParkedRequests> hotRestartParkedRequestsListener(
				ParkedRequests parkedRequests) {
			return new ServletListenerRegistrationBean<>(parkedRequests);
		}

	}

	/**
	 * In a reactive web application: calls parked without a thread know their request,
	 * and shutdown waits until released callers have their answer.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = { "org.springframework.http.server.reactive.HttpHandlerDecoratorFactory",
			"reactor.util.context.Context" })
	static class ReactiveConfiguration {

		@Bean
		ParkedExchanges hotRestartParkedExchanges() {
			return new ParkedExchanges();
		}

	}

}

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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hotrestart.aop.HotRestartAdvisor;
import dev.hotrestart.compile.ChangedSourceCompiler;
import dev.hotrestart.locals.LocalsCapture;
import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkListener;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkedCallReleaser;
import dev.hotrestart.park.ParkedExchanges;
import dev.hotrestart.park.ParkedRequests;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.park.ThreadlessWaits;
import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.resume.CompileWarmUp;
import dev.hotrestart.resume.ParkedCallActions;
import dev.hotrestart.resume.ReloadWarmUp;
import dev.hotrestart.resume.ResumeOnSave;
import dev.hotrestart.testsupport.LogLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HotRestartAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HotRestartAutoConfiguration.class));

	@Test
	void whenRunByATestRunnerThenHotRestartIsOff() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(HotRestartAdvisor.class)
			.doesNotHaveBean(ParkingLot.class)
			.doesNotHaveBean(ParkedCallActions.class));
	}

	@Test
	void whenEnabledThenAdviceParkingReloadingAndActionsAreConfigured() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(HotRestartAdvisor.class)
				.hasSingleBean(ParkingLot.class)
				.hasSingleBean(ClassFileBaseline.class)
				.hasSingleBean(ClassReloader.class)
				.hasSingleBean(ParkedCallActions.class)
				.hasSingleBean(ResumeOnSave.class));
	}

	@Test
	void whenDisabledThenNothingIsConfigured() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HotRestartAdvisor.class)
				.doesNotHaveBean(ParkingLot.class));
	}

	@Test
	void whenAdviceOrderIsSetThenTheAdvisorHasIt() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true", "hot-restart.advice-order=42")
			.run((context) -> assertThat(context.getBean(HotRestartAdvisor.class).getOrder()).isEqualTo(42));
	}

	@Test
	void whenAdviceOrderIsUnsetThenTheAdvisorRunsJustOutsideTheLowestPrecedenceAdvisors() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context.getBean(HotRestartAdvisor.class).getOrder())
				.isEqualTo(HotRestartAdvisor.DEFAULT_ORDER)
				.isEqualTo(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 1000));
	}

	@Test
	void whenPropertiesAreSetThenTheyShapeTheParkingLot() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true", "hot-restart.max-parked=1").run((context) -> {
			ParkingLot lot = context.getBean(ParkingLot.class);
			assertThat(lot.park(site(), new IllegalStateException("first"))).isNotNull();
			assertThat(lot.park(site(), new IllegalStateException("second"))).isNull();
		});
	}

	@Test
	void whenEnabledThenAParkStartsRecordingLocalVariables() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(LocalsCapture.class));
	}

	@Test
	void whenCaptureLocalsIsOffThenNothingStartsRecordingThem() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true", "hot-restart.capture-locals=false")
			.run((context) -> assertThat(context).hasSingleBean(ParkingLot.class).doesNotHaveBean(LocalsCapture.class));
	}

	@Test
	void whenUserDefinesAParkingLotThenItIsUsed() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.withUserConfiguration(CustomParkingLot.class)
			.run((context) -> assertThat(context).hasSingleBean(ParkingLot.class)
				.getBean(ParkingLot.class)
				.isSameAs(context.getBean(CustomParkingLot.class).lot));
	}

	@Test
	void whenUserDefinesAParkListenerThenItHearsOfParkedCalls() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.withUserConfiguration(RecordingParkListener.class)
			.run((context) -> {
				ParkedCall call = context.getBean(ParkingLot.class).park(site(), new IllegalStateException("heard"));
				assertThat(context.getBean(RecordingParkListener.class).heard).containsExactly(call);
			});
	}

	@Test
	void whenEnabledThenSavedSourcesAreCompiledOnContinueAndCompilingIsWarmedUp() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ChangedSourceCompiler.class)
				.hasSingleBean(CompileWarmUp.class));
	}

	@Test
	void whenCompileOnContinueIsFalseThenNothingIsCompiled() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true", "hot-restart.compile-on-continue=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChangedSourceCompiler.class)
				.doesNotHaveBean(CompileWarmUp.class)
				.hasSingleBean(ParkedCallActions.class));
	}

	@Test
	void whenReloadOnContinueIsFalseThenNothingIsCompiled() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true", "hot-restart.reload-on-continue=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChangedSourceCompiler.class));
	}

	@Test
	void whenSourceDirectoriesAreSetThenTheirSourcesAreCompiledAndLinked(@TempDir Path sources) throws IOException {
		Path quotes = Files.createDirectories(sources.resolve("com/example")).resolve("Quotes.java");
		Files.writeString(quotes, "package com.example; class Quotes {}");
		this.contextRunner.withPropertyValues("hot-restart.enabled=true", "hot-restart.source-directories=" + sources)
			.run((context) -> {
				assertThat(context.getBean(ChangedSourceCompiler.class).getSourceDirectories())
					.containsExactly(sources.toAbsolutePath().normalize());
				assertThat(context.getBean(ApplicationCode.class).sourcePath("com.example.Quotes", "Quotes.java"))
					.as("the console's link")
					.isEqualTo(quotes.toAbsolutePath().normalize().toString());
			});
	}

	@Test
	void whenPointcutIsSetThenTheAdvisorOptsInItsMethods() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true", "hot-restart.pointcut=within(com.acme..*)")
			.run((context) -> assertThat(context.getBean(HotRestartAdvisor.class).getOptIn()).isNotNull()
				.hasToString("within(com.acme..*)"));
	}

	@Test
	void whenPointcutIsNotSetThenOnlyAnnotatedMethodsAreAdvised() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context.getBean(HotRestartAdvisor.class).getOptIn()).isNull());
	}

	@Test
	@LogLevel(loggers = "dev.hotrestart", level = "WARN")
	void whenAspectJIsMissingThenThePointcutIsIgnoredAndTheLogSaysWhy(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.aspectj"))
			.withPropertyValues("hot-restart.enabled=true", "hot-restart.pointcut=within(com.acme..*)")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(HotRestartAdvisor.class);
				assertThat(context.getBean(HotRestartAdvisor.class).getOptIn()).isNull();
				assertThat(output).contains("hot-restart.pointcut is set to 'within(com.acme..*)', but AspectJ is not "
						+ "on the class path, so only @HotRestart methods are advised. Add org.aspectj:aspectjweaver");
			});
	}

	@Test
	@LogLevel(loggers = "dev.hotrestart", level = "WARN")
	void whenAspectJIsMissingAndNoPointcutIsSetThenNothingIsSaid(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.aspectj"))
			.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(HotRestartAdvisor.class);
				assertThat(output).doesNotContain("hot-restart.pointcut");
			});
	}

	@Test
	void whenReloadOnContinueIsUnsetThenReloadingIsWarmedUp() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ReloadWarmUp.class);
			assertThat(context.getBean(HotRestartProperties.class).isReloadOnContinue()).isTrue();
		});
	}

	@Test
	void whenReloadOnContinueIsFalseThenReloadingIsNotWarmedUp() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true", "hot-restart.reload-on-continue=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ReloadWarmUp.class);
				assertThat(context.getBean(HotRestartProperties.class).isReloadOnContinue()).isFalse();
			});
	}

	@Test
	void whenNotAWebApplicationThenNoWebRequestIsTrackedAndShutdownStillReleases() {
		this.contextRunner.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ParkedCallReleaser.class)
				.hasSingleBean(ThreadlessWaits.class)
				.doesNotHaveBean(ParkedRequests.class)
				.doesNotHaveBean(ParkedExchanges.class));
	}

	@Test
	void whenAServletWebApplicationThenItsRequestsAreTracked() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(HotRestartAutoConfiguration.class))
			.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ParkedRequests.class)
				.doesNotHaveBean(ParkedExchanges.class));
	}

	@Test
	void whenAReactiveWebApplicationThenItsExchangesAreTracked() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HotRestartAutoConfiguration.class))
			.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ParkedExchanges.class)
				.doesNotHaveBean(ParkedRequests.class));
	}

	@Test
	void whenTheServletApiIsMissingThenAReactiveApplicationStarts() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HotRestartAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("jakarta.servlet."))
			.withPropertyValues("hot-restart.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ParkingLot.class)
				.doesNotHaveBean(ParkedRequests.class));
	}

	@Test
	void whenOptionalPartsAreMissingThenHotRestartStillStarts() {
		for (String missing : new String[] { "jakarta.servlet.", "org.springframework.web.", "reactor.",
				"org.springframework.boot.actuate", "org.springframework.transaction.",
				"org.springframework.boot.devtools.", "net.bytebuddy." }) {
			this.contextRunner.withClassLoader(new FilteredClassLoader(missing))
				.withPropertyValues("hot-restart.enabled=true")
				.run((context) -> assertThat(context).as("without " + missing)
					.hasNotFailed()
					.hasSingleBean(HotRestartAdvisor.class)
					.hasSingleBean(ParkedCallActions.class));
		}
	}

	private static CallSite site() {
		return new CallSite("com.example.Service", "Service.run()", List.of(), "worker", null);
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomParkingLot {

		final ParkingLot lot = new ParkingLot(1, Duration.ofSeconds(1));

		@Bean
		ParkingLot customLot() {
			return this.lot;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingParkListener implements ParkListener {

		final List<ParkedCall> heard = new CopyOnWriteArrayList<>();

		@Override
		public void parked(ParkedCall call) {
			this.heard.add(call);
		}

	}

}

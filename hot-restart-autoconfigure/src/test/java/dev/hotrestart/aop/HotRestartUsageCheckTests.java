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

package dev.hotrestart.aop;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hotrestart.aop.usage.FinalClass;
import dev.hotrestart.aop.usage.FinalMethod;
import dev.hotrestart.aop.usage.Healthy;
import dev.hotrestart.aop.usage.PrivateMethod;
import dev.hotrestart.aop.usage.StaticMethod;
import dev.hotrestart.aop.usage.UsageApplication;
import dev.hotrestart.testsupport.LogLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HotRestartUsageCheck}: a real application, started by
 * {@code SpringApplication}, whose log says where {@code @HotRestart} has no effect.
 */
@ExtendWith(OutputCaptureExtension.class)
@LogLevel(loggers = "dev.hotrestart", level = "INFO")
@Timeout(60)
class HotRestartUsageCheckTests {

	private static final String PACKAGE = "dev.hotrestart.aop.usage.";

	@Test
	void whenReadyThenEachAnnotationWithoutEffectGetsOneLineWithTheReasonAndWhatToDo(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			List<String> expected = List.of(
					"@HotRestart on " + PACKAGE + "PrivateMethod.check() has no effect: the method is private. "
							+ "A proxy only intercepts methods it can override",
					"@HotRestart on " + PACKAGE + "StaticMethod.run(String) has no effect: the method is static.",
					"@HotRestart on " + PACKAGE + "FinalMethod.run() has no effect: the method is final.",
					"@HotRestart on " + PACKAGE + "FinalClass.run() has no effect: FinalClass is final, so no "
							+ "class-based proxy can be made. A class-based proxy is a subclass: make the class "
							+ "non-final",
					"@HotRestart on " + PACKAGE + "RecordBean.run() has no effect: RecordBean is a record, and "
							+ "records are final, so no class-based proxy can be made.",
					"@HotRestart on class " + PACKAGE + "NotABean has no effect: no bean is a NotABean. Declare it "
							+ "as a bean (@Component, or a @Bean method)",
					"@HotRestart on " + PACKAGE + "MetaAnnotatedNotABean.run(String, int) has no effect: no bean is "
							+ "a MetaAnnotatedNotABean.");
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut()).contains(expected));
			assertThat(output.getOut().lines().filter((line) -> line.contains("@HotRestart on ")))
				.as("one line each, and none for the healthy bean")
				.hasSize(expected.size());
			assertThat(AopUtils.isAopProxy(context.getBean(Healthy.class))).isTrue();
			assertThat(AopUtils.isAopProxy(context.getBean(FinalClass.class))).as("no failed proxy either").isFalse();
			assertThat(AopUtils.isAopProxy(context.getBean(PrivateMethod.class))).isFalse();
			assertThat(AopUtils.isAopProxy(context.getBean(StaticMethod.class))).isFalse();
			assertThat(AopUtils.isAopProxy(context.getBean(FinalMethod.class))).isFalse();
		}
	}

	@Test
	void whenAPointcutOptsInBeansThenTheLogSaysWhichBeanClasses(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("hot-restart.pointcut=within(dev.hotrestart.aop.usage..*)")) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(output.getOut()).contains(
						"hot-restart.pointcut 'within(dev.hotrestart.aop.usage..*)' advises methods of 2 bean classes: "
								+ "Healthy, PrivateMethod"));
			assertThat(AopUtils.isAopProxy(context.getBean(PrivateMethod.class))).isTrue();
		}
	}

	@Test
	void whenAPointcutOptsInNoBeanThenTheLogWarns(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("hot-restart.pointcut=within(com.nowhere..*)")) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(output.getOut())
					.contains("hot-restart.pointcut 'within(com.nowhere..*)' opts in no method of any bean, so it "
							+ "advises nothing.")
					.contains("for a package and its sub-packages, write within(com.acme.billing..*)"));
		}
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(UsageApplication.class).web(WebApplicationType.NONE)
			// The application configures logging anew, at the build's quieter levels
			.properties("hot-restart.enabled=true", "spring.main.banner-mode=off", "logging.level.dev.hotrestart=info")
			.properties(properties)
			.run();
	}

}

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hotrestart.HotRestart;
import dev.hotrestart.aop.optin.FinalLedger;
import dev.hotrestart.aop.optin.Ledger;
import dev.hotrestart.aop.optin.LedgerWithFinalMethod;
import dev.hotrestart.aop.optin.OptInBeans;
import dev.hotrestart.aop.optin.Report;
import dev.hotrestart.autoconfigure.HotRestartAutoConfiguration;
import dev.hotrestart.park.AttemptOutcome;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.resume.ParkedCallActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@code hot-restart.pointcut}: a package opted in without annotations, through
 * real Spring proxies made by the auto-configuration, with real parked threads.
 */
@Timeout(60)
class OptInPointcutTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, HotRestartAutoConfiguration.class))
		.withPropertyValues("hot-restart.enabled=true", "hot-restart.continue-wait=5s",
				"hot-restart.pointcut=within(dev.hotrestart.aop.optin..*)")
		.withUserConfiguration(OptInBeans.class, OutsideBeans.class);

	@Test
	void failingCallOfAnOptedInBeanParksAndContinueRunsItAgainWithTheSameArguments() {
		this.contextRunner.run((context) -> {
			Ledger ledger = context.getBean(Ledger.class);
			Object entry = new Object();
			CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> ledger.post(entry));
			ParkedCall call = awaitParked(context);
			assertThat(call.getSite().method()).isEqualTo("Ledger.post(Object)");
			assertThat(result).isNotDone();

			ledger.behaviour().broken = false;
			AttemptOutcome outcome = context.getBean(ParkedCallActions.class).continueCall(call.getId()).outcome();

			assertThat(outcome).isInstanceOf(AttemptOutcome.Resumed.class);
			assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("posted " + entry);
			assertThat(ledger.behaviour().calls).hasValue(2);
			assertThat(ledger.behaviour().lastEntry).as("the same argument object").isSameAs(entry);
			assertThat(context.getBean(ParkingLot.class).getCalls()).isEmpty();
		});
	}

	@Test
	void healthyCallOfAnOptedInBeanGoesThroughTheProxyAndParksNothing() {
		this.contextRunner.run((context) -> {
			Ledger ledger = context.getBean(Ledger.class);
			assertThat(AopUtils.isAopProxy(ledger)).isTrue();
			assertThat(ledger.balance()).isEqualTo(42);
			ledger.behaviour().broken = false;
			assertThat(ledger.post("rent")).isEqualTo("posted rent");
			assertThat(context.getBean(ParkingLot.class).getCalls()).isEmpty();
		});
	}

	@Test
	void neverParkPropertyAppliesToOptedInMethods() {
		this.contextRunner.withPropertyValues("hot-restart.never-park=java.lang.IllegalArgumentException")
			.run((context) -> {
				Ledger ledger = context.getBean(Ledger.class);
				assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ledger.reject("closed"))
					.withMessage("closed");
				assertThat(context.getBean(ParkingLot.class).getCalls()).isEmpty();
			});
	}

	@Test
	void executionExpressionOptsInTheMethodsItMatchesOnly() {
		this.contextRunner
			.withPropertyValues("hot-restart.pointcut=execution(* dev.hotrestart.aop.optin.Ledger.post(..))")
			.run((context) -> {
				Ledger ledger = context.getBean(Ledger.class);
				assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ledger.reject("closed"));
				assertThat(context.getBean(ParkingLot.class).getCalls()).isEmpty();
				CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> ledger.post("rent"));
				ParkedCall call = awaitParked(context);
				assertThat(call.getSite().method()).isEqualTo("Ledger.post(Object)");
				context.getBean(ParkedCallActions.class).abort(call.getId());
				assertThat(result).failsWithin(Duration.ofSeconds(5));
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "within(dev.hotrestart.aop.optin..*)",
			"within(dev.hotrestart.aop.optin..*) && execution(* *(..))" })
	void withinOptsInTheMethodsDeclaredInThePackageNotThoseInheritedFromOutside(String expression) {
		this.contextRunner.withPropertyValues("hot-restart.pointcut=" + expression).run((context) -> {
			Report report = context.getBean(Report.class);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(report::header);
			assertThat(context.getBean(ParkingLot.class).getCalls()).isEmpty();
			CompletableFuture<String> result = CompletableFuture.supplyAsync(report::body);
			ParkedCall call = awaitParked(context);
			assertThat(call.getSite().method()).isEqualTo("Report.body()");
			context.getBean(ParkedCallActions.class).abort(call.getId());
			assertThat(result).failsWithin(Duration.ofSeconds(5));
		});
	}

	@Test
	void beanExpressionOptsInTheNamedBean() {
		this.contextRunner.withPropertyValues("hot-restart.pointcut=bean(ledger)").run((context) -> {
			assertThat(AopUtils.isAopProxy(context.getBean(Ledger.class))).isTrue();
			assertThat(AopUtils.isAopProxy(context.getBean(Plain.class))).isFalse();
		});
	}

	@Test
	void beansOutsideTheExpressionAreNotProxiedButAnnotatedMethodsStillAre() {
		this.contextRunner.run((context) -> {
			assertThat(AopUtils.isAopProxy(context.getBean(Plain.class))).isFalse();
			assertThat(AopUtils.isAopProxy(context.getBean(Annotated.class))).isTrue();
		});
	}

	@Test
	void classesAProxyWouldBreakAndObjectMethodsAreLeftOut() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(AopUtils.isAopProxy(context.getBean(FinalLedger.class))).as("final class").isFalse();
			LedgerWithFinalMethod withFinalMethod = context.getBean(LedgerWithFinalMethod.class);
			assertThat(AopUtils.isAopProxy(withFinalMethod)).as("class with a final method").isFalse();
			assertThat(withFinalMethod.name()).isEqualTo("ledger");
			assertThat(AopUtils.isAopProxy(context.getBean(OptInBeans.class))).as("@Configuration class").isFalse();
			Ledger ledger = context.getBean(Ledger.class);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(ledger::toString);
			assertThat(context.getBean(ParkingLot.class).getCalls()).isEmpty();
		});
	}

	@Test
	void whenExpressionIsInvalidThenStartUpFailsNamingThePropertyAndTheParseError() {
		this.contextRunner.withPropertyValues("hot-restart.pointcut=within(dev.hotrestart.aop.optin..*")
			.run((context) -> assertThat(findInvalidPointcut(context.getStartupFailure())).isNotNull()
				.satisfies((invalid) -> {
					assertThat(invalid.getMessage())
						.startsWith("hot-restart.pointcut 'within(dev.hotrestart.aop.optin..*' is not a valid "
								+ "AspectJ pointcut expression: Pointcut is not well-formed: expecting ')'");
					assertThat(invalid.getExpression()).isEqualTo("within(dev.hotrestart.aop.optin..*");
				}));
	}

	@Test
	void whenExpressionNamesAnUnknownTypeThenStartUpFails() {
		this.contextRunner.withPropertyValues("hot-restart.pointcut=execution(* com.nowhere.Missing.run(..))")
			.run((context) -> assertThat(findInvalidPointcut(context.getStartupFailure())).isNotNull()
				.extracting(InvalidPointcutException::getParseError)
				.asString()
				.contains("com.nowhere.Missing"));
	}

	private static InvalidPointcutException findInvalidPointcut(Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof InvalidPointcutException invalid) {
				return invalid;
			}
		}
		return null;
	}

	private static ParkedCall awaitParked(AssertableApplicationContext context) {
		ParkingLot lot = context.getBean(ParkingLot.class);
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> lot.getCalls().stream().filter(ParkedCall::isWaiting).findFirst().orElse(null),
					(call) -> call != null);
	}

	@Configuration(proxyBeanMethods = false)
	static class OutsideBeans {

		@Bean
		Plain plain() {
			return new Plain();
		}

		@Bean
		Annotated annotated() {
			return new Annotated();
		}

	}

	static class Plain {

		public String run() {
			return "plain";
		}

	}

	static class Annotated {

		@HotRestart
		public String run() {
			return "annotated";
		}

	}

}

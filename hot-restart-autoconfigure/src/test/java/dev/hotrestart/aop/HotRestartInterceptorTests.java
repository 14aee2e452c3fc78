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

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.ReflectiveMethodInvocation;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

import dev.hotrestart.HotRestart;
import dev.hotrestart.autoconfigure.HotRestartAutoConfiguration;
import dev.hotrestart.park.AttemptOutcome;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkedCallBusyException;
import dev.hotrestart.park.ParkedCallState;
import dev.hotrestart.resume.ContinueResult;
import dev.hotrestart.resume.ParkedCallActions;
import dev.hotrestart.park.ParkingLot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HotRestartInterceptor} through real Spring proxies created by the
 * auto-configuration, with real parked threads.
 */
@Timeout(120)
class HotRestartInterceptorTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, HotRestartAutoConfiguration.class))
		.withPropertyValues("hot-restart.enabled=true", "hot-restart.continue-wait=5s")
		.withUserConfiguration(Beans.class);

	@Test
	void failingCallParksAndContinueRunsItAgainWithTheSameArguments() {
		this.contextRunner.run((context) -> {
			Flaky flaky = context.getBean(Flaky.class);
			Object argument = new Object();
			CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> flaky.work(argument));
			ParkedCall call = awaitParked(context);
			assertThat(call.getSite().method()).isEqualTo("Flaky.work(Object)");
			assertThat(result).isNotDone();

			context.getBean(Behaviour.class).broken = false;
			AttemptOutcome outcome = context.getBean(ParkedCallActions.class).continueCall(call.getId()).outcome();

			assertThat(outcome).isInstanceOf(AttemptOutcome.Resumed.class);
			assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("done");
			assertThat(context.getBean(Behaviour.class).calls).hasValue(2);
			assertThat(context.getBean(Behaviour.class).lastArgument).as("the same argument object").isSameAs(argument);
			assertThat(context.getBean(ParkingLot.class).getCalls()).isEmpty();
		});
	}

	@Test
	void abortRethrowsTheVerySameException() {
		this.contextRunner.run((context) -> {
			Flaky flaky = context.getBean(Flaky.class);
			CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> flaky.work("x"));
			ParkedCall call = awaitParked(context);
			Throwable parkedException = call.getFailure().exception();

			context.getBean(ParkedCallActions.class).abort(call.getId());

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(5, TimeUnit.SECONDS))
				.havingCause()
				.isSameAs(parkedException);
			assertThat(context.getBean(Behaviour.class).calls).hasValue(1);
		});
	}

	@Test
	void failingAgainParksAgainAsTheNextAttempt() {
		this.contextRunner.run((context) -> {
			Flaky flaky = context.getBean(Flaky.class);
			CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> flaky.work("x"));
			ParkedCall call = awaitParked(context);

			AttemptOutcome outcome = context.getBean(ParkedCallActions.class).continueCall(call.getId()).outcome();

			assertThat(outcome).isInstanceOfSatisfying(AttemptOutcome.ParkedAgain.class,
					(again) -> assertThat(again.failure().attempt()).isEqualTo(2));
			assertThat(context.getBean(ParkingLot.class).getCalls()).containsExactly(call);
			assertThat(result).isNotDone();
			context.getBean(Behaviour.class).broken = false;
			context.getBean(ParkedCallActions.class).continueCall(call.getId());
			assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("done");
			assertThat(context.getBean(Behaviour.class).calls).hasValue(3);
		});
	}

	@Test
	void innermostAdvisedMethodParksAndAnAbortedExceptionPassesOuterOnes() {
		this.contextRunner.run((context) -> {
			Outer outer = context.getBean(Outer.class);
			CompletableFuture<String> result = CompletableFuture.supplyAsync(outer::run);
			ParkedCall call = awaitParked(context);
			assertThat(call.getSite().method()).isEqualTo("Flaky.work(Object)");

			context.getBean(ParkedCallActions.class).abort(call.getId());

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(5, TimeUnit.SECONDS))
				.withCauseInstanceOf(IllegalStateException.class);
			assertThat(context.getBean(ParkingLot.class).getCalls()).as("the outer method did not park").isEmpty();
		});
	}

	@Test
	void typeLevelAnnotationAdvisesPublicMethodsOnly() {
		this.contextRunner.run((context) -> {
			Outer outer = context.getBean(Outer.class);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(outer::toString);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(outer::packagePrivate);
			assertThat(context.getBean(ParkingLot.class).getCalls()).isEmpty();
		});
	}

	@Test
	void healthyCallProceedsOnTheInvocationItselfAndOnlyARetryIsACopy() {
		this.contextRunner.run((context) -> {
			HotRestartInterceptor interceptor = interceptor(context);
			Behaviour behaviour = context.getBean(Behaviour.class);
			behaviour.broken = false;
			CountingInvocation healthy = new CountingInvocation(new Flaky(behaviour), "healthy", interceptor);
			assertThat(healthy.proceed()).isEqualTo("done");
			assertThat(healthy.copies).as("copies of a call that never failed").hasValue(0);

			behaviour.broken = true;
			CountingInvocation failing = new CountingInvocation(new Flaky(behaviour), "failing", interceptor);
			CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> proceed(failing));
			ParkedCall call = awaitParked(context);
			assertThat(failing.copies).as("copies before any retry").hasValue(0);
			behaviour.broken = false;
			context.getBean(ParkedCallActions.class).continueCall(call.getId());

			assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("done");
			assertThat(failing.copies).as("one copy for the one retry").hasValue(1);
			assertThat(behaviour.lastArgument).isEqualTo("failing");
		});
	}

	@Test
	void invocationThatCannotBeRewoundRunsEachAttemptOnACopyTakenBeforeItProceeds() {
		this.contextRunner.run((context) -> {
			HotRestartInterceptor interceptor = interceptor(context);
			Behaviour behaviour = context.getBean(Behaviour.class);
			CopyOnlyInvocation invocation = new CopyOnlyInvocation(
					new CountingInvocation(new Flaky(behaviour), "copied", null));
			CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> invoke(interceptor, invocation));
			ParkedCall call = awaitParked(context);
			assertThat(behaviour.calls).hasValue(1);
			behaviour.broken = false;
			context.getBean(ParkedCallActions.class).continueCall(call.getId());

			assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("done");
			assertThat(behaviour.calls).hasValue(2);
			assertThat(behaviour.lastArgument).isEqualTo("copied");
			assertThat(invocation.delegate.copies).as("a copy for the first attempt and one for the retry").hasValue(2);
			assertThat(invocation.delegate.proceeded).as("the original never proceeds").isFalse();
		});
	}

	private static HotRestartInterceptor interceptor(AssertableApplicationContext context) {
		return (HotRestartInterceptor) context.getBean(HotRestartAdvisor.class).getAdvice();
	}

	private static @Nullable Object proceed(MethodInvocation invocation) {
		try {
			return invocation.proceed();
		}
		catch (Throwable ex) {
			throw new CompletionException(ex);
		}
	}

	private static @Nullable Object invoke(MethodInterceptor interceptor, MethodInvocation invocation) {
		try {
			return interceptor.invoke(invocation);
		}
		catch (Throwable ex) {
			throw new CompletionException(ex);
		}
	}

	@Test
	void retryThatThrowsAnExceptionThatNeverParksAnswersFailedAndReachesTheCaller() {
		this.contextRunner.run((context) -> {
			Flaky flaky = context.getBean(Flaky.class);
			CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> flaky.validate("x"));
			ParkedCall call = awaitParked(context);

			ContinueResult continued = context.getBean(ParkedCallActions.class).continueCall(call.getId());

			assertThat(continued.kind().value()).isEqualTo("failed");
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(5, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(IllegalArgumentException.class)
				.withMessage("not parked: x");
			assertThat(context.getBean(ParkingLot.class).getCalls()).isEmpty();
		});
	}

	@Test
	void retryStillRunningAfterTheContinueWaitAnswersRunningAndCannotBeAbortedMeanwhile() {
		this.contextRunner.withPropertyValues("hot-restart.continue-wait=100ms").run((context) -> {
			Flaky flaky = context.getBean(Flaky.class);
			Behaviour behaviour = context.getBean(Behaviour.class);
			CompletableFuture<String> result = CompletableFuture.supplyAsync(flaky::slow);
			ParkedCall call = awaitParked(context);
			ParkedCallActions actions = context.getBean(ParkedCallActions.class);

			// The retry waits for the gate, which opens only after continue has answered
			ContinueResult continued = actions.continueCall(call.getId());

			assertThat(continued.kind().value()).isEqualTo("running");
			assertThat(call.getState()).isEqualTo(ParkedCallState.RUNNING);
			assertThatExceptionOfType(ParkedCallBusyException.class).isThrownBy(() -> actions.abort(call.getId()))
				.withMessageContaining("is running, not waiting");
			behaviour.gate.countDown();
			assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("done slowly");
			assertThat(context.getBean(ParkingLot.class).getCalls()).isEmpty();
		});
	}

	@Test
	void virtualMachineErrorsNeverPark() {
		this.contextRunner.run((context) -> {
			Flaky flaky = context.getBean(Flaky.class);
			assertThatExceptionOfType(StackOverflowError.class).isThrownBy(flaky::overflow);
			assertThat(context.getBean(ParkingLot.class).getCalls()).isEmpty();
		});
	}

	@Test
	void failedAttemptIsRolledBackBeforeItParksAndTheRetryCommits() {
		this.contextRunner.withUserConfiguration(TransactionalBeans.class).run((context) -> {
			Ledger ledger = context.getBean(Ledger.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			CompletableFuture<Void> result = CompletableFuture.runAsync(() -> ledger.record("first"));
			ParkedCall call = awaitParked(context);
			assertThat(rows(jdbc)).as("the failed attempt's insert was rolled back").isZero();
			jdbc.sql("INSERT INTO entry (name) VALUES ('meanwhile')").update();

			context.getBean(Behaviour.class).broken = false;
			context.getBean(ParkedCallActions.class).continueCall(call.getId());

			result.get(5, TimeUnit.SECONDS);
			assertThat(rows(jdbc)).isEqualTo(2);
		});
	}

	private static long rows(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM entry").query(Long.class).single();
	}

	private static ParkedCall awaitParked(AssertableApplicationContext context) {
		ParkingLot lot = context.getBean(ParkingLot.class);
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> lot.getCalls().stream().filter(ParkedCall::isWaiting).findFirst().orElse(null),
					(call) -> call != null);
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		Behaviour behaviour() {
			return new Behaviour();
		}

		@Bean
		Flaky flaky(Behaviour behaviour) {
			return new Flaky(behaviour);
		}

		@Bean
		Outer outer(Flaky flaky) {
			return new Outer(flaky);
		}

	}

	/**
	 * What the beans do, shared with the test outside the proxies.
	 */
	static class Behaviour {

		volatile boolean broken = true;

		final AtomicInteger calls = new AtomicInteger();

		volatile Object lastArgument;

		final CountDownLatch gate = new CountDownLatch(1);

	}

	static class Flaky {

		private final Behaviour behaviour;

		Flaky(Behaviour behaviour) {
			this.behaviour = behaviour;
		}

		@HotRestart
		public String work(Object argument) {
			this.behaviour.calls.incrementAndGet();
			this.behaviour.lastArgument = argument;
			if (this.behaviour.broken) {
				throw new IllegalStateException("broken");
			}
			return "done";
		}

		@HotRestart(neverPark = IllegalArgumentException.class)
		public String validate(Object argument) {
			if (this.behaviour.calls.incrementAndGet() == 1) {
				throw new IllegalStateException("first attempt");
			}
			throw new IllegalArgumentException("not parked: " + argument);
		}

		@HotRestart
		public String slow() {
			if (this.behaviour.calls.incrementAndGet() == 1) {
				throw new IllegalStateException("first attempt");
			}
			try {
				this.behaviour.gate.await(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "done slowly";
		}

		@HotRestart
		public int overflow() {
			return overflow() + 1;
		}

	}

	@HotRestart
	static class Outer {

		private final Flaky flaky;

		Outer(Flaky flaky) {
			this.flaky = flaky;
		}

		public String run() {
			return this.flaky.work("from outer");
		}

		String packagePrivate() {
			throw new IllegalStateException("not advised");
		}

		@Override
		public String toString() {
			throw new IllegalStateException("not advised");
		}

	}

	/**
	 * A call of {@link Flaky#work} as a Spring proxy would make it, through a chain of
	 * just the interceptor (or none), that counts how often it is copied.
	 */
	static class CountingInvocation extends ReflectiveMethodInvocation {

		// Shared with the copies, which Object.clone() makes
		final AtomicInteger copies;

		volatile boolean proceeded;

		CountingInvocation(Flaky target, Object argument, @Nullable MethodInterceptor interceptor) {
			super(target, target, workMethod(), new Object[] { argument }, Flaky.class,
					(interceptor != null) ? List.of(interceptor) : List.of());
			this.copies = new AtomicInteger();
		}

		private static Method workMethod() {
			Method work = ReflectionUtils.findMethod(Flaky.class, "work", Object.class);
			Assert.state(work != null, "Flaky.work(Object) exists");
			return work;
		}

		@Override
		public MethodInvocation invocableClone(@Nullable Object... arguments) {
			this.copies.incrementAndGet();
			return super.invocableClone(arguments);
		}

		@Override
		public @Nullable Object proceed() throws Throwable {
			this.proceeded = true;
			return super.proceed();
		}

	}

	/**
	 * A {@link ProxyMethodInvocation} of another kind than Spring's own, as another proxy
	 * mechanism might pass: it cannot be rewound, so every attempt must run on a copy.
	 */
	static class CopyOnlyInvocation implements ProxyMethodInvocation {

		final CountingInvocation delegate;

		CopyOnlyInvocation(CountingInvocation delegate) {
			this.delegate = delegate;
		}

		@Override
		public Object getProxy() {
			return this.delegate.getProxy();
		}

		@Override
		public MethodInvocation invocableClone() {
			return this.delegate.invocableClone();
		}

		@Override
		public MethodInvocation invocableClone(@Nullable Object... arguments) {
			return this.delegate.invocableClone(arguments);
		}

		@Override
		public void setArguments(@Nullable Object... arguments) {
			this.delegate.setArguments(arguments);
		}

		@Override
		public void setUserAttribute(String key, @Nullable Object value) {
			this.delegate.setUserAttribute(key, value);
		}

		@Override
		public @Nullable Object getUserAttribute(String key) {
			return this.delegate.getUserAttribute(key);
		}

		@Override
		public Method getMethod() {
			return this.delegate.getMethod();
		}

		@Override
		public @Nullable Object[] getArguments() {
			return this.delegate.getArguments();
		}

		@Override
		public @Nullable Object proceed() throws Throwable {
			return this.delegate.proceed();
		}

		@Override
		public @Nullable Object getThis() {
			return this.delegate.getThis();
		}

		@Override
		public AccessibleObject getStaticPart() {
			return this.delegate.getStaticPart();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class TransactionalBeans {

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
				.generateUniqueName(true)
				.addScript("classpath:dev/hotrestart/aop/ledger.sql")
				.build();
		}

		@Bean
		PlatformTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		JdbcClient jdbcClient(DataSource dataSource) {
			return JdbcClient.create(dataSource);
		}

		@Bean
		Ledger ledger(JdbcClient jdbcClient, Behaviour behaviour) {
			return new Ledger(jdbcClient, behaviour);
		}

	}

	static class Ledger {

		private final JdbcClient jdbc;

		private final Behaviour behaviour;

		Ledger(JdbcClient jdbc, Behaviour behaviour) {
			this.jdbc = jdbc;
			this.behaviour = behaviour;
		}

		@HotRestart
		@Transactional
		public void record(String name) {
			this.jdbc.sql("INSERT INTO entry (name) VALUES (?)").param(name).update();
			if (this.behaviour.broken) {
				throw new IllegalStateException("broken after the insert");
			}
		}

	}

}

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import dev.hotrestart.HotRestart;
import dev.hotrestart.autoconfigure.HotRestartAutoConfiguration;
import dev.hotrestart.park.AttemptOutcome;
import dev.hotrestart.park.Outcome;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.park.ThreadlessWaits;
import dev.hotrestart.resume.ParkedCallActions;
import dev.hotrestart.testsupport.LogLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for parking calls that return a {@code Mono}, a {@code Flux} or a
 * {@code CompletableFuture}, through real Spring proxies created by the
 * auto-configuration: no thread waits while they are parked.
 */
@Timeout(60)
@ExtendWith(OutputCaptureExtension.class)
class ThreadlessParkingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, HotRestartAutoConfiguration.class))
		.withPropertyValues("hot-restart.enabled=true", "hot-restart.continue-wait=5s")
		.withUserConfiguration(Beans.class);

	@Test
	void failingMonoParksWithoutAThreadAndContinueDeliversTheNewResult() {
		this.contextRunner.run((context) -> {
			Quotes quotes = context.getBean(Quotes.class);
			Object argument = new Object();
			CompletableFuture<String> result = quotes.mono(argument).toFuture();
			ParkedCall call = awaitParked(context);
			assertThat(call.getSite().method()).isEqualTo("Quotes.mono(Object)");
			assertThat(call.getSite().thread()).as("it parked on the subscribing thread, which went on")
				.isEqualTo(Thread.currentThread().getName());
			assertThat(result).isNotDone();

			fix(context);
			AttemptOutcome outcome = actions(context).continueCall(call.getId()).outcome();

			assertThat(outcome).isInstanceOf(AttemptOutcome.Resumed.class);
			assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("quote 2");
			assertThat(behaviour(context).lastArgument).as("the same argument object").isSameAs(argument);
			assertThat(lot(context).getCalls()).isEmpty();
			assertThat(lot(context).getHistory().getEntries().get(0).outcome()).isEqualTo(Outcome.RESUMED);
		});
	}

	@Test
	void monoThatFailsAgainParksAgainAsTheNextAttempt() {
		this.contextRunner.run((context) -> {
			CompletableFuture<String> result = context.getBean(Quotes.class).mono("x").toFuture();
			ParkedCall call = awaitParked(context);

			AttemptOutcome outcome = actions(context).continueCall(call.getId()).outcome();

			assertThat(outcome).isInstanceOfSatisfying(AttemptOutcome.ParkedAgain.class,
					(again) -> assertThat(again.failure().attempt()).isEqualTo(2));
			assertThat(result).isNotDone();
			fix(context);
			actions(context).continueCall(call.getId());
			assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("quote 3");
		});
	}

	@Test
	void abortingAParkedMonoDeliversTheVerySameError() {
		this.contextRunner.run((context) -> {
			CompletableFuture<String> result = context.getBean(Quotes.class).mono("x").toFuture();
			ParkedCall call = awaitParked(context);
			Throwable parked = call.getFailure().exception();

			actions(context).abort(call.getId());

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(5, TimeUnit.SECONDS))
				.havingCause()
				.isSameAs(parked);
			assertThat(behaviour(context).calls).hasValue(1);
		});
	}

	@Test
	void monoDeclaredMethodThatThrowsInsteadOfReturningParksToo() {
		this.contextRunner.run((context) -> {
			CompletableFuture<String> result = context.getBean(Quotes.class).throwingMono().toFuture();
			ParkedCall call = awaitParked(context);
			assertThat(result).isNotDone();

			fix(context);
			actions(context).continueCall(call.getId());

			assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("thrown 2");
		});
	}

	@Test
	void parkedMonoTimesOutWithItsOriginalErrorAndNoThreadLeft() {
		this.contextRunner.withPropertyValues("hot-restart.park-timeout=300ms").run((context) -> {
			CompletableFuture<String> result = context.getBean(Quotes.class).mono("x").toFuture();

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(10, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(IllegalStateException.class)
				.withMessageStartingWith("broken");
			assertThat(lot(context).getCalls()).isEmpty();
			assertThat(lot(context).getHistory().getEntries().get(0).outcome()).isEqualTo(Outcome.TIMED_OUT);
			await().atMost(Duration.ofSeconds(30)).until(() -> context.getBean(ThreadlessWaits.class).threads() == 0);
		});
	}

	@Test
	void cancelledSubscriptionEndsThePark() {
		this.contextRunner.run((context) -> {
			Disposable subscription = context.getBean(Quotes.class).mono("x").subscribe();
			ParkedCall call = awaitParked(context);

			subscription.dispose();

			await().atMost(Duration.ofSeconds(10)).until(() -> lot(context).getCalls().isEmpty());
			assertThat(call.isWaiting()).isFalse();
			assertThat(lot(context).getHistory().getEntries().get(0).outcome()).isEqualTo(Outcome.CANCELLED);
		});
	}

	@Test
	void manyParkedMonosHoldNoThreadEach() {
		this.contextRunner.withPropertyValues("hot-restart.max-parked=20").run((context) -> {
			Quotes quotes = context.getBean(Quotes.class);
			List<CompletableFuture<String>> results = new CopyOnWriteArrayList<>();
			for (int i = 0; i < 20; i++) {
				results.add(quotes.mono(i).toFuture());
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> lot(context).getCalls().size() == 20);

			assertThat(context.getBean(ThreadlessWaits.class).threads()).as("one timer thread at most")
				.isLessThanOrEqualTo(1);
			fix(context);
			for (ParkedCall call : lot(context).getCalls()) {
				actions(context).continueCall(call.getId());
			}
			for (CompletableFuture<String> result : results) {
				assertThat(result.get(5, TimeUnit.SECONDS)).startsWith("quote");
			}
		});
	}

	@Test
	void fluxSubscriberKeepsWhatItGotAndTheRetrySkipsAsManyElements() {
		this.contextRunner.run((context) -> {
			List<Integer> received = new CopyOnWriteArrayList<>();
			CompletableFuture<Void> done = context.getBean(Quotes.class)
				.flux()
				.doOnNext(received::add)
				.then()
				.toFuture();
			ParkedCall call = awaitParked(context);
			assertThat(received).containsExactly(1, 2);

			fix(context);
			actions(context).continueCall(call.getId());

			done.get(5, TimeUnit.SECONDS);
			assertThat(received).as("each element once, in order").containsExactly(1, 2, 3, 4, 5);
		});
	}

	@Test
	void abortingAParkedFluxDeliversTheOriginalErrorAfterTheElementsSoFar() {
		this.contextRunner.run((context) -> {
			List<Integer> received = new CopyOnWriteArrayList<>();
			CompletableFuture<Void> done = context.getBean(Quotes.class)
				.flux()
				.doOnNext(received::add)
				.then()
				.toFuture();
			ParkedCall call = awaitParked(context);
			Throwable parked = call.getFailure().exception();

			actions(context).abort(call.getId());

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> done.get(5, TimeUnit.SECONDS))
				.havingCause()
				.isSameAs(parked);
			assertThat(received).containsExactly(1, 2);
		});
	}

	@Test
	void failingFutureParksWithoutAThreadAndContinueCompletesIt() {
		this.contextRunner.run((context) -> {
			CompletableFuture<String> result = context.getBean(Quotes.class).future("x");
			ParkedCall call = awaitParked(context);
			assertThat(call.getFailure().exception()).as("unwrapped from CompletionException")
				.isInstanceOf(IllegalStateException.class);
			assertThat(result).isNotDone();

			fix(context);
			actions(context).continueCall(call.getId());

			assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("future 2");
		});
	}

	@Test
	void abortingAParkedFutureCompletesItWithTheOriginalException() {
		this.contextRunner.run((context) -> {
			CompletableFuture<String> result = context.getBean(Quotes.class).future("x");
			ParkedCall call = awaitParked(context);
			Throwable parked = call.getFailure().exception();

			actions(context).abort(call.getId());

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(5, TimeUnit.SECONDS))
				.havingCause()
				.isSameAs(parked);
		});
	}

	@Test
	void cancellingAParkedFutureEndsThePark() {
		this.contextRunner.run((context) -> {
			CompletableFuture<String> result = context.getBean(Quotes.class).future("x");
			awaitParked(context);

			result.cancel(false);

			await().atMost(Duration.ofSeconds(10)).until(() -> lot(context).getCalls().isEmpty());
			assertThat(lot(context).getHistory().getEntries().get(0).outcome()).isEqualTo(Outcome.CANCELLED);
		});
	}

	@Test
	void asyncMethodReturningAFutureParksAndContinues() {
		this.contextRunner.withUserConfiguration(AsyncBeans.class).run((context) -> {
			CompletableFuture<String> result = context.getBean(AsyncQuotes.class).quote("x");
			ParkedCall call = awaitParked(context);
			assertThat(result).isNotDone();

			fix(context);
			ParkedCallActions actions = actions(context);
			assertThat(actions.continueCall(call.getId()).kind()).isEqualTo(Outcome.RESUMED);

			assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("async 2");
		});
	}

	@Test
	void asyncMethodAbortedDeliversTheOriginalException() {
		this.contextRunner.withUserConfiguration(AsyncBeans.class).run((context) -> {
			CompletableFuture<String> result = context.getBean(AsyncQuotes.class).quote("x");
			ParkedCall call = awaitParked(context);

			actions(context).abort(call.getId());

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(5, TimeUnit.SECONDS))
				.havingRootCause()
				.isSameAs(call.getFailure().exception());
		});
	}

	@Test
	void shutdownReleasesParkedMonosAndFuturesWithTheirOriginalErrors() {
		CompletableFuture<String> mono = new CompletableFuture<>();
		CompletableFuture<String> future = new CompletableFuture<>();
		ThreadlessWaits[] waits = new ThreadlessWaits[1];
		this.contextRunner.run((context) -> {
			Quotes quotes = context.getBean(Quotes.class);
			quotes.mono("x").toFuture().whenComplete((value, ex) -> complete(mono, value, ex));
			quotes.future("y").whenComplete((value, ex) -> complete(future, value, ex));
			await().atMost(Duration.ofSeconds(10)).until(() -> lot(context).getCalls().size() == 2);
			waits[0] = context.getBean(ThreadlessWaits.class);
		});
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> mono.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessageStartingWith("broken");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessageStartingWith("broken");
		await().atMost(Duration.ofSeconds(10)).until(() -> waits[0].threads() == 0);
	}

	@Test
	@LogLevel(loggers = "dev.hotrestart", level = "WARN")
	void blockingMethodOnANonBlockingThreadFailsAtOnceSayingWhy(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			Quotes quotes = context.getBean(Quotes.class);
			Mono<String> onEventLoop = Mono.fromCallable(() -> quotes.blocking("x")).subscribeOn(Schedulers.parallel());

			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(onEventLoop::block)
				.withMessage("broken 1");
			assertThat(lot(context).getCalls()).isEmpty();
			assertThat(output).contains("Not parking Quotes.blocking(Object)", "a non-blocking thread",
					"Return a Mono");
		});
	}

	private static void complete(CompletableFuture<String> target, String value, Throwable failure) {
		if (failure != null) {
			target.completeExceptionally((failure.getCause() != null) ? failure.getCause() : failure);
		}
		else {
			target.complete(value);
		}
	}

	private static ParkedCall awaitParked(AssertableApplicationContext context) {
		ParkingLot lot = lot(context);
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> lot.getCalls().stream().filter(ParkedCall::isWaiting).findFirst().orElse(null),
					(call) -> call != null);
	}

	private static ParkingLot lot(AssertableApplicationContext context) {
		return context.getBean(ParkingLot.class);
	}

	private static ParkedCallActions actions(AssertableApplicationContext context) {
		return context.getBean(ParkedCallActions.class);
	}

	private static Behaviour behaviour(AssertableApplicationContext context) {
		return context.getBean(Behaviour.class);
	}

	private static void fix(AssertableApplicationContext context) {
		behaviour(context).broken = false;
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		Behaviour behaviour() {
			return new Behaviour();
		}

		@Bean
		Quotes quotes(Behaviour behaviour) {
			return new Quotes(behaviour);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncBeans {

		@Bean
		AsyncQuotes asyncQuotes(Behaviour behaviour) {
			return new AsyncQuotes(behaviour);
		}

	}

	/**
	 * What the beans do, shared with the test outside the proxies.
	 */
	static class Behaviour {

		volatile boolean broken = true;

		final AtomicInteger calls = new AtomicInteger();

		volatile Object lastArgument;

		int call(Object argument) {
			this.lastArgument = argument;
			return this.calls.incrementAndGet();
		}

	}

	static class Quotes {

		private final Behaviour behaviour;

		Quotes(Behaviour behaviour) {
			this.behaviour = behaviour;
		}

		@HotRestart
		public Mono<String> mono(Object argument) {
			return Mono.fromCallable(() -> {
				int attempt = this.behaviour.call(argument);
				if (this.behaviour.broken) {
					throw new IllegalStateException("broken " + attempt);
				}
				return "quote " + attempt;
			});
		}

		@HotRestart
		public Mono<String> throwingMono() {
			int attempt = this.behaviour.call("thrown");
			if (this.behaviour.broken) {
				throw new IllegalStateException("thrown instead of returned " + attempt);
			}
			return Mono.just("thrown " + attempt);
		}

		@HotRestart
		public Flux<Integer> flux() {
			return Flux.range(1, 5).map((element) -> {
				if (element == 3 && this.behaviour.broken) {
					throw new IllegalStateException("broken at 3");
				}
				return element;
			});
		}

		@HotRestart
		public CompletableFuture<String> future(Object argument) {
			return CompletableFuture.supplyAsync(() -> {
				int attempt = this.behaviour.call(argument);
				if (this.behaviour.broken) {
					throw new IllegalStateException("broken " + attempt);
				}
				return "future " + attempt;
			});
		}

		@HotRestart
		public String blocking(Object argument) {
			int attempt = this.behaviour.call(argument);
			throw new IllegalStateException("broken " + attempt);
		}

	}

	static class AsyncQuotes {

		private final Behaviour behaviour;

		AsyncQuotes(Behaviour behaviour) {
			this.behaviour = behaviour;
		}

		@Async
		@HotRestart
		public CompletableFuture<String> quote(Object argument) {
			int attempt = this.behaviour.call(argument);
			if (this.behaviour.broken) {
				throw new IllegalStateException("async broken " + attempt);
			}
			return CompletableFuture.completedFuture("async " + attempt);
		}

	}

}

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

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.Resolution;
import dev.hotrestart.park.ServedRequest;

/**
 * Parks the failures of calls that returned a {@code Mono} or a {@code Flux}, without
 * holding a thread: the failure, signalled when the returned value is subscribed to,
 * parks the call; the subscriber simply gets no signal until the call is decided. On
 * continue the method is called again and the subscriber gets the new attempt's signals;
 * abort, a release on shutdown and the park's time-out deliver the original error. A
 * subscriber that cancels (its client went away) ends the park.
 * <p>
 * A {@code Flux} subscriber keeps the elements it received before the failure; the retry
 * skips as many elements of the new attempt, so that the subscriber sees the sequence the
 * fixed method produces, provided the fix leaves the elements before the failure as they
 * were. Each subscription parks on its own.
 *
 * @author hot-restart authors
 */
final class ReactiveParking {

	private static final String CANCELLED = "The subscriber cancelled while the continued call ran again";

	private ReactiveParking() {
	}

	/**
	 * Return a {@code Mono} or a {@code Flux} that behaves as the returned value, and
	 * parks on its failure.
	 * @param kind {@link ReturnKind#MONO} or {@link ReturnKind#FLUX}
	 * @param result what the method returned: a {@code Mono}, or any {@code Publisher}
	 * for a {@code Flux}
	 * @param call the call
	 * @return the guarded value
	 */
	static Object guard(ReturnKind kind, Object result, ThreadlessCall call) {
		return (kind == ReturnKind.MONO) ? mono((Mono<?>) result, call) : flux((Publisher<?>) result, call);
	}

	/**
	 * Return a {@code Mono} or a {@code Flux} that parks on a failure the method threw
	 * instead of returning a value.
	 * @param kind {@link ReturnKind#MONO} or {@link ReturnKind#FLUX}
	 * @param failure what the method threw
	 * @param call the call
	 * @return the parking value
	 */
	static Object failed(ReturnKind kind, Throwable failure, ThreadlessCall call) {
		return (kind == ReturnKind.MONO) ? mono(Mono.error(failure), call) : flux(Flux.error(failure), call);
	}

	/**
	 * Return a {@code Mono} that behaves as the returned one, and parks on its failure.
	 * @param firstAttempt what the method returned
	 * @param call the call
	 * @return the guarded {@code Mono}
	 */
	static Mono<Object> mono(Mono<?> firstAttempt, ThreadlessCall call) {
		return firstAttempt.cast(Object.class).onErrorResume((failure) -> Mono.deferContextual((context) -> {
			ParkedCall parked = park(failure, call, context);
			return (parked != null) ? awaitThenRetry(parked, failure, call) : Mono.error(failure);
		}));
	}

	private static Mono<Object> awaitThenRetry(ParkedCall parked, Throwable failure, ThreadlessCall call) {
		return decision(parked, call)
			.flatMap((resolution) -> resolution.retries() ? retry(parked, call) : Mono.error(failure));
	}

	private static Mono<Object> retry(ParkedCall parked, ThreadlessCall call) {
		return Mono.defer(() -> toMono(callAgain(call)).cast(Object.class))
			.doOnSuccess((value) -> parked.retrySucceeded())
			.doOnCancel(() -> parked.retryFailed(new CancellationException(CANCELLED)))
			.onErrorResume((failure) -> {
				if (!call.parks(failure)) {
					parked.retryFailed(failure);
					return Mono.error(failure);
				}
				parked.retryParked(failure);
				return awaitThenRetry(parked, failure, call);
			});
	}

	/**
	 * Return a {@code Flux} that behaves as the returned one, and parks on its failure.
	 * @param firstAttempt what the method returned
	 * @param call the call
	 * @return the guarded {@code Flux}
	 */
	static Flux<Object> flux(Publisher<?> firstAttempt, ThreadlessCall call) {
		return Flux.defer(() -> {
			AtomicLong delivered = new AtomicLong();
			return Flux.from(firstAttempt)
				.cast(Object.class)
				.doOnNext((element) -> delivered.incrementAndGet())
				.onErrorResume((failure) -> Flux.deferContextual((context) -> {
					ParkedCall parked = park(failure, call, context);
					return (parked != null) ? awaitThenRetry(parked, failure, delivered, call) : Flux.error(failure);
				}));
		});
	}

	private static Flux<Object> awaitThenRetry(ParkedCall parked, Throwable failure, AtomicLong delivered,
			ThreadlessCall call) {
		return decision(parked, call)
			.flatMapMany((resolution) -> resolution.retries() ? retry(parked, delivered, call) : Flux.error(failure));
	}

	private static Flux<Object> retry(ParkedCall parked, AtomicLong delivered, ThreadlessCall call) {
		return Flux.defer(() -> toFlux(callAgain(call)).skip(delivered.get()).cast(Object.class))
			.doOnNext((element) -> delivered.incrementAndGet())
			.doOnComplete(parked::retrySucceeded)
			.doOnCancel(() -> parked.retryFailed(new CancellationException(CANCELLED)))
			.onErrorResume((failure) -> {
				if (!call.parks(failure)) {
					parked.retryFailed(failure);
					return Flux.error(failure);
				}
				parked.retryParked(failure);
				return awaitThenRetry(parked, failure, delivered, call);
			});
	}

	private static @Nullable ParkedCall park(Throwable failure, ThreadlessCall call, ContextView context) {
		if (!call.parks(failure)) {
			return null;
		}
		ServedRequest served = context.getOrDefault(ServedRequest.CONTEXT_KEY, null);
		return call.park(failure, served);
	}

	private static Mono<Resolution> decision(ParkedCall parked, ThreadlessCall call) {
		return Mono.fromFuture(() -> call.awaitDecision(parked), true)
			.doOnCancel(() -> parked.decideIfWaiting(Resolution.CANCEL));
	}

	private static Object callAgain(ThreadlessCall call) {
		try {
			return call.callAgain();
		}
		catch (Throwable ex) {
			return Mono.error(ex);
		}
	}

	private static Mono<?> toMono(@Nullable Object value) {
		if (value instanceof Mono<?> mono) {
			return mono;
		}
		return (value instanceof Publisher<?> publisher) ? Mono.from(publisher) : Mono.justOrEmpty(value);
	}

	private static Flux<?> toFlux(@Nullable Object value) {
		if (value instanceof Publisher<?> publisher) {
			return Flux.from(publisher);
		}
		return (value != null) ? Flux.just(value) : Flux.empty();
	}

}

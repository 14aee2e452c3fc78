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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.Resolution;

/**
 * Parks the failures of calls that returned a {@code CompletableFuture} (or another
 * {@code CompletionStage}), without holding a thread: the caller gets a future that
 * completes as the returned one does, except that a failure parks the call instead. On
 * continue the method is called again and the future completes as the new attempt's does;
 * abort, a release on shutdown and the park's time-out complete it exceptionally with the
 * original exception (unwrapped from any {@code CompletionException}). Cancelling the
 * future ends the park.
 *
 * @author hot-restart authors
 */
final class FutureParking {

	private FutureParking() {
	}

	/**
	 * Return a future that completes as the returned one, and parks on its failure.
	 * @param firstAttempt what the method returned
	 * @param call the call
	 * @return the guarded future
	 */
	static CompletableFuture<Object> future(CompletionStage<?> firstAttempt, ThreadlessCall call) {
		CompletableFuture<Object> result = new CompletableFuture<>();
		firstAttempt.whenComplete((value, failure) -> {
			if (failure == null) {
				result.complete(value);
			}
			else {
				parkOrFail(unwrap(failure), result, call);
			}
		});
		return result;
	}

	private static void parkOrFail(Throwable failure, CompletableFuture<Object> result, ThreadlessCall call) {
		ParkedCall parked = (!result.isDone() && call.parks(failure)) ? call.park(failure, null) : null;
		if (parked == null) {
			result.completeExceptionally(failure);
			return;
		}
		result.whenComplete((value, ex) -> {
			if (result.isCancelled()) {
				parked.decideIfWaiting(Resolution.CANCEL);
			}
		});
		awaitThenRetry(parked, failure, result, call);
	}

	private static void awaitThenRetry(ParkedCall parked, Throwable failure, CompletableFuture<Object> result,
			ThreadlessCall call) {
		call.awaitDecision(parked).thenAccept((resolution) -> {
			if (!resolution.retries()) {
				result.completeExceptionally(failure);
				return;
			}
			callAgain(call).whenComplete((value, retryFailure) -> {
				if (retryFailure == null) {
					parked.retrySucceeded();
					result.complete(value);
					return;
				}
				Throwable cause = unwrap(retryFailure);
				if (!call.parks(cause)) {
					parked.retryFailed(cause);
					result.completeExceptionally(cause);
					return;
				}
				parked.retryParked(cause);
				awaitThenRetry(parked, cause, result, call);
			});
		});
	}

	private static CompletionStage<?> callAgain(ThreadlessCall call) {
		try {
			Object value = call.callAgain();
			return (value instanceof CompletionStage<?> stage) ? stage : CompletableFuture.completedFuture(value);
		}
		catch (Throwable ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable unwrapped = failure;
		while ((unwrapped instanceof CompletionException || unwrapped instanceof ExecutionException)
				&& unwrapped.getCause() != null) {
			unwrapped = unwrapped.getCause();
		}
		return unwrapped;
	}

}

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
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.function.SingletonSupplier;

import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkPolicy;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.park.Resolution;
import dev.hotrestart.park.ThreadlessWaits;
import dev.hotrestart.park.WebRequestLine;

/**
 * Parks a failing {@link dev.hotrestart.HotRestart @HotRestart} call and runs it again
 * when it is continued.
 * <p>
 * Each retry proceeds on a copy of the original invocation rewound to this interceptor's
 * place (see {@link InvocationReplay}), so it runs the rest of the advice chain (a new
 * transaction, for example) and the current bytecode of the method with the same argument
 * objects and the same target. Abort, shutdown, time-out and interrupt rethrow the very
 * exception the attempt threw. A call that does not fail costs a plain {@code proceed()}
 * and a look at its return type; the parking machinery and the method's
 * {@code @HotRestart(neverPark = ...)} are only looked up on the first failure.
 * <p>
 * A method that returns a {@code Mono}, a {@code Flux} or a {@code CompletableFuture}
 * signals its failure through the returned value, later; such a call parks without
 * holding a thread (see {@link ReactiveParking} and {@link FutureParking}), and so does
 * one that throws instead of returning. Any other call parks its thread, unless that
 * thread must never block (an event loop), where the failure propagates at once.
 *
 * @author hot-restart authors
 */
public class HotRestartInterceptor implements MethodInterceptor {

	private static final Log logger = LogFactory.getLog(HotRestartInterceptor.class);

	private final AdvisedMethods advisedMethods = new AdvisedMethods();

	private final Supplier<ParkingLot> parkingLot;

	private final Supplier<ParkPolicy> policy;

	private final Supplier<ThreadlessWaits> waits;

	/**
	 * Create an interceptor whose collaborators are resolved on first failure, so that
	 * creating the advisor early (as auto-proxying does) creates nothing else. Calls
	 * parked without a thread wait with threads of their own that end when idle.
	 * @param parkingLot supplies the parking lot
	 * @param policy supplies the policy that decides which failures park
	 */
	public HotRestartInterceptor(Supplier<ParkingLot> parkingLot, Supplier<ParkPolicy> policy) {
		this(parkingLot, policy, () -> new ThreadlessWaits(parkingLot.get(), 1));
	}

	/**
	 * Create an interceptor whose collaborators are resolved on first use, so that
	 * creating the advisor early (as auto-proxying does) creates nothing else.
	 * @param parkingLot supplies the parking lot
	 * @param policy supplies the policy that decides which failures park
	 * @param waits supplies the waits of calls parked without a thread
	 */
	public HotRestartInterceptor(Supplier<ParkingLot> parkingLot, Supplier<ParkPolicy> policy,
			Supplier<ThreadlessWaits> waits) {
		this.parkingLot = SingletonSupplier.of(parkingLot);
		this.policy = SingletonSupplier.of(policy);
		this.waits = SingletonSupplier.of(waits);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		if (!(invocation instanceof ProxyMethodInvocation template)) {
			return invocation.proceed();
		}
		MethodInvocation firstAttempt = InvocationReplay.canRewind(invocation) ? invocation
				: InvocationReplay.replay(template, this);
		ReturnKind kind = ReturnKind.of(invocation.getMethod().getReturnType());
		Object result;
		try {
			result = firstAttempt.proceed();
		}
		catch (Throwable failure) {
			return (kind != ReturnKind.BLOCKING) ? parkWithoutThread(kind, template, failure)
					: parkAndRetry(template, failure);
		}
		return (kind != ReturnKind.BLOCKING && result != null) ? guard(kind.narrow(result), template, result) : result;
	}

	private Object guard(ReturnKind kind, ProxyMethodInvocation invocation, Object result) {
		return switch (kind) {
			case MONO, FLUX -> ReactiveParking.guard(kind, result, threadless(invocation));
			case FUTURE ->
				isSettled(result) ? result : FutureParking.future((CompletionStage<?>) result, threadless(invocation));
			case BLOCKING -> result;
		};
	}

	private static boolean isSettled(Object future) {
		return future instanceof CompletableFuture<?> completable && completable.isDone()
				&& !completable.isCompletedExceptionally();
	}

	private Object parkWithoutThread(ReturnKind kind, ProxyMethodInvocation invocation, Throwable failure) {
		return switch (kind) {
			case MONO, FLUX -> ReactiveParking.failed(kind, failure, threadless(invocation));
			default -> FutureParking.future(CompletableFuture.failedFuture(failure), threadless(invocation));
		};
	}

	private ThreadlessCall threadless(ProxyMethodInvocation invocation) {
		return new ThreadlessCall(invocation, this, this.advisedMethods, this.parkingLot, this.policy, this.waits,
				WebRequestLine.ofCurrentRequest());
	}

	private @Nullable Object parkAndRetry(ProxyMethodInvocation invocation, Throwable firstFailure) throws Throwable {
		AdvisedMethods.AdvisedMethod advised = this.advisedMethods.get(invocation.getMethod(), targetClass(invocation));
		if (!parks(firstFailure, advised)) {
			throw firstFailure;
		}
		ParkedCall call = park(invocation, firstFailure);
		if (call == null) {
			throw firstFailure;
		}
		Throwable failure = firstFailure;
		while (true) {
			Resolution resolution = call.awaitResolution();
			if (!resolution.retries()) {
				throw failure;
			}
			try {
				Object result = InvocationReplay.replay(invocation, this).proceed();
				call.retrySucceeded();
				return result;
			}
			catch (Throwable ex) {
				failure = ex;
			}
			if (!parks(failure, advised)) {
				call.retryFailed(failure);
				throw failure;
			}
			call.retryParked(failure);
		}
	}

	private boolean parks(Throwable failure, AdvisedMethods.AdvisedMethod advised) {
		return this.policy.get().shouldPark(failure, advised.signature(), advised.neverPark());
	}

	private @Nullable ParkedCall park(MethodInvocation invocation, Throwable failure) {
		CallSite site = CallSite.ofCurrentThread(invocation.getMethod(), targetClass(invocation),
				invocation.getArguments());
		ParkedCall call = this.parkingLot.get().park(site, failure);
		if (call != null && site.callerTransaction()) {
			logger.warn("Parked call " + call.getId() + " (" + site.method() + ") runs inside a transaction its "
					+ "caller started, which the failure has marked rollback-only: even if a retry succeeds, "
					+ "the caller's commit will fail with UnexpectedRollbackException, and the parked call holds "
					+ "the transaction's connection and locks. Abort it, and put @HotRestart on the method that "
					+ "starts the transaction.");
		}
		return call;
	}

	private static Class<?> targetClass(MethodInvocation invocation) {
		Object target = invocation.getThis();
		return (target != null) ? AopUtils.getTargetClass(target) : invocation.getMethod().getDeclaringClass();
	}

}

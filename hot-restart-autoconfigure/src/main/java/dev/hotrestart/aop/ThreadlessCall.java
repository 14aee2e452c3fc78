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
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;

import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkPolicy;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.park.Resolution;
import dev.hotrestart.park.ServedRequest;
import dev.hotrestart.park.ThreadlessWaits;
import dev.hotrestart.park.WebRequestLine;

/**
 * One call of an advised method that returned a {@code Mono}, a {@code Flux} or a
 * {@code CompletableFuture}, as {@link ReactiveParking} and {@link FutureParking} need
 * it: whether a failure parks, parking it, waiting for the decision without a thread, and
 * calling the method again from the interceptor's place in the advice chain.
 *
 * @author hot-restart authors
 */
final class ThreadlessCall {

	private final ProxyMethodInvocation invocation;

	private final MethodInterceptor interceptor;

	private final AdvisedMethods advisedMethods;

	// Resolved only once the call fails: a call that succeeds creates none of them
	private final Supplier<ParkingLot> parkingLot;

	private final Supplier<ParkPolicy> policy;

	private final Supplier<ThreadlessWaits> waits;

	private final @Nullable WebRequestLine requestAtCall;

	ThreadlessCall(ProxyMethodInvocation invocation, MethodInterceptor interceptor, AdvisedMethods advisedMethods,
			Supplier<ParkingLot> parkingLot, Supplier<ParkPolicy> policy, Supplier<ThreadlessWaits> waits,
			@Nullable WebRequestLine requestAtCall) {
		this.invocation = invocation;
		this.interceptor = interceptor;
		this.advisedMethods = advisedMethods;
		this.parkingLot = parkingLot;
		this.policy = policy;
		this.waits = waits;
		this.requestAtCall = requestAtCall;
	}

	/**
	 * Return whether a failure the returned value signalled parks.
	 * @param failure the failure
	 * @return {@code true} to park
	 */
	boolean parks(Throwable failure) {
		AdvisedMethods.AdvisedMethod advised = advised();
		return this.policy.get().shouldParkWithoutThread(failure, advised.signature(), advised.neverPark());
	}

	/**
	 * Park the call after its first failure.
	 * @param failure the failure
	 * @param served the web request the caller's context names, or {@code null}
	 * @return the parked call, or {@code null} when the lot is full or closed
	 */
	@Nullable ParkedCall park(Throwable failure, @Nullable ServedRequest served) {
		WebRequestLine request = (served != null) ? served.line() : this.requestAtCall;
		CallSite site = CallSite.ofThreadlessCall(this.invocation.getMethod(), targetClass(),
				this.invocation.getArguments(), request);
		ParkedCall call = this.parkingLot.get().park(site, failure);
		if (call != null && served != null) {
			served.parked();
		}
		return call;
	}

	/**
	 * Wait, without a thread, for the decision on the current attempt.
	 * @param call the parked call
	 * @return the decision, completed on a thread of hot restart's own once the call has
	 * been settled
	 */
	CompletableFuture<Resolution> awaitDecision(ParkedCall call) {
		return this.waits.get().await(call);
	}

	/**
	 * Call the method again: the rest of the advice chain, with the same target and
	 * argument objects, and the current bytecode.
	 * @return what the method returned
	 * @throws Throwable what it threw
	 */
	@Nullable Object callAgain() throws Throwable {
		return InvocationReplay.replay(this.invocation, this.interceptor).proceed();
	}

	private AdvisedMethods.AdvisedMethod advised() {
		return this.advisedMethods.get(this.invocation.getMethod(), targetClass());
	}

	private Class<?> targetClass() {
		Object target = this.invocation.getThis();
		return (target != null) ? AopUtils.getTargetClass(target) : this.invocation.getMethod().getDeclaringClass();
	}

}

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

/**
 * Parks a failing {@link dev.hotrestart.HotRestart @HotRestart} call and runs it again
 * when it is continued.
 * <p>
 * Each retry proceeds on a copy of the original invocation rewound to this interceptor's
 * place (see {@link InvocationReplay}), so it runs the rest of the advice chain (a new
 * transaction, for example) and the current bytecode of the method with the same argument
 * objects and the same target. Abort, shutdown, time-out and interrupt rethrow the very
 * exception the attempt threw. A call that does not fail costs a plain {@code proceed()};
 * the parking machinery and the method's {@code @HotRestart(neverPark = ...)} are only
 * looked up on the first failure.
 *
 * @author hot-restart authors
 */
public class HotRestartInterceptor implements MethodInterceptor {

	private static final Log logger = LogFactory.getLog(HotRestartInterceptor.class);

	private final AdvisedMethods advisedMethods = new AdvisedMethods();

	private final Supplier<ParkingLot> parkingLot;

	private final Supplier<ParkPolicy> policy;

	/**
	 * Create an interceptor whose collaborators are resolved on first failure, so that
	 * creating the advisor early (as auto-proxying does) creates nothing else.
	 * @param parkingLot supplies the parking lot
	 * @param policy supplies the policy that decides which failures park
	 */
	public HotRestartInterceptor(Supplier<ParkingLot> parkingLot, Supplier<ParkPolicy> policy) {
		this.parkingLot = SingletonSupplier.of(parkingLot);
		this.policy = SingletonSupplier.of(policy);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		if (!(invocation instanceof ProxyMethodInvocation template)) {
			return invocation.proceed();
		}
		MethodInvocation firstAttempt = InvocationReplay.canRewind(invocation) ? invocation
				: InvocationReplay.replay(template, this);
		try {
			return firstAttempt.proceed();
		}
		catch (Throwable failure) {
			return parkAndRetry(template, failure);
		}
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

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

package dev.hotrestart.park;

import java.util.Collection;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Decides whether a failure parks or propagates at once.
 * <p>
 * Never parked: errors of the virtual machine itself (out of memory, stack overflow),
 * failures of an interrupted thread, blocking calls on a non-blocking thread (an event
 * loop, which parking would freeze), exceptions that already left a parked call (so an
 * outer advised method does not park what an inner one let go), and anything once the lot
 * has closed for shutdown. Not parked either: exceptions the {@link ExceptionRules} keep
 * out (configured and per-method never-park types, Spring's intentional HTTP errors),
 * and, unless asked to, failures inside a transaction that a caller of the advised method
 * started (see {@link CallerTransaction}). Thread-safe.
 *
 * @author hot-restart authors
 */
public class ParkPolicy {

	private static final Log logger = LogFactory.getLog(ParkPolicy.class);

	private final ParkingLot parkingLot;

	private final ExceptionRules exceptionRules;

	private final boolean parkInCallerTransaction;

	/**
	 * Create a policy with the default exception rules, that does not park inside a
	 * caller's transaction.
	 * @param parkingLot the lot calls park in
	 */
	public ParkPolicy(ParkingLot parkingLot) {
		this(parkingLot, ExceptionRules.defaults(), false);
	}

	/**
	 * Create a policy.
	 * @param parkingLot the lot calls park in
	 * @param exceptionRules which exception types park
	 * @param parkInCallerTransaction whether a failure inside a caller's transaction
	 * parks (its commit will fail) rather than propagates
	 */
	public ParkPolicy(ParkingLot parkingLot, ExceptionRules exceptionRules, boolean parkInCallerTransaction) {
		this.parkingLot = parkingLot;
		this.exceptionRules = exceptionRules;
		this.parkInCallerTransaction = parkInCallerTransaction;
	}

	/**
	 * Return whether a failure of the current thread should park, holding the thread, and
	 * log why not when it is the developer who would wonder.
	 * @param exception what the advised method threw
	 * @param method the advised method, for log lines
	 * @param methodNeverPark the exception types the method's {@code @HotRestart} keeps
	 * out
	 * @return {@code true} to park
	 */
	public boolean shouldPark(Throwable exception, String method,
			Collection<Class<? extends Throwable>> methodNeverPark) {
		if (Thread.currentThread().isInterrupted() || !parks(exception, method, methodNeverPark)) {
			return false;
		}
		if (NonBlockingThreads.isCurrent()) {
			logger.warn("Not parking " + method + " after " + exception.getClass().getName() + ": it runs on "
					+ Thread.currentThread().getName() + ", a non-blocking thread (such as an event loop), and parking "
					+ "would stop that thread from serving any other request. Return a Mono, a Flux or a "
					+ "CompletableFuture from the method, so that its failure parks without holding a thread, "
					+ "or call it on a thread that may block (Schedulers.boundedElastic()).");
			return false;
		}
		if (!this.parkInCallerTransaction && CallerTransaction.isActive()) {
			logger.warn("Not parking " + method + " after " + exception.getClass().getName()
					+ ": it runs inside a transaction its caller started. The failure has marked that transaction "
					+ "rollback-only, so a retry could never commit, and a parked call would hold its connection "
					+ "and row locks. Put @HotRestart on the method that starts the transaction, or set "
					+ "hot-restart.park-in-caller-transaction=true to park anyway.");
			return false;
		}
		return true;
	}

	/**
	 * Return whether the failure of a call that returned a {@code Mono}, a {@code Flux}
	 * or a {@code CompletableFuture} should park. It parks without holding a thread, so
	 * the thread it surfaced on does not matter.
	 * @param exception the failure the returned value signalled
	 * @param method the advised method, for log lines
	 * @param methodNeverPark the exception types the method's {@code @HotRestart} keeps
	 * out
	 * @return {@code true} to park
	 */
	public boolean shouldParkWithoutThread(Throwable exception, String method,
			Collection<Class<? extends Throwable>> methodNeverPark) {
		return parks(exception, method, methodNeverPark);
	}

	private boolean parks(Throwable exception, String method, Collection<Class<? extends Throwable>> methodNeverPark) {
		if (exception instanceof VirtualMachineError || !this.parkingLot.isOpen()
				|| this.parkingLot.isSettled(exception)) {
			return false;
		}
		String excluded = this.exceptionRules.whyNotParked(exception, methodNeverPark);
		if (excluded != null) {
			if (logger.isDebugEnabled()) {
				logger.debug("Not parking " + method + " after " + exception.getClass().getName() + ": " + excluded);
			}
			return false;
		}
		return true;
	}

}

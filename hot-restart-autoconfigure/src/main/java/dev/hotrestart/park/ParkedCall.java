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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.hotrestart.connection.ClientConnection;

/**
 * A call whose method failed and that now waits for a developer's decision.
 * <p>
 * Two kinds of thread use a parked call. The <em>parked thread</em> (the one that made
 * the call) waits with {@link #awaitResolution()} and then reports what its retry did
 * with {@link #retrySucceeded()}, {@link #retryParked(Throwable)} or
 * {@link #retryFailed(Throwable)}. <em>Deciding threads</em> (endpoint, console,
 * terminal, shutdown) call {@link #requestRetry()}, {@link #requestAbort()} or
 * {@link #release()}. Every state change happens under one lock, so of two racing
 * decisions exactly one wins and the other gets a {@link ParkedCallBusyException}.
 * <p>
 * Decisions reach the parked side through a future ({@link #decision()}), and outcomes of
 * a retry reach the deciding side through another one, so that no thread waits inside a
 * monitor: a parked virtual thread does not pin its carrier, and a call whose caller
 * holds no thread at all (a reactive one) can be told of the decision by a callback.
 * <p>
 * While it waits, the parked thread looks every second whether the client of its web
 * request has disconnected, where the server can tell (see
 * {@link ClientConnection#isClosedByClient()}): the call is then marked
 * {@link #isClientGone() client gone}, and stays parked.
 *
 * @author hot-restart authors
 */
public final class ParkedCall {

	private static final Log logger = LogFactory.getLog(ParkedCall.class);

	// Soon enough for a developer looking at the listing; each look reads without
	// blocking
	private static final long CLIENT_CHECK_NANOS = Duration.ofSeconds(1).toNanos();

	private final String id;

	private final CallSite site;

	private final Instant firstParkedAt;

	private final ParkingLot parkingLot;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private ParkedCallState state = ParkedCallState.PARKED;

	private CompletableFuture<Resolution> decision = new CompletableFuture<>();

	private AttemptFailure failure;

	private @Nullable CompletableFuture<AttemptOutcome> retryOutcome;

	private volatile @Nullable ClientConnection client;

	private volatile boolean clientGone;

	ParkedCall(String id, CallSite site, Throwable exception, ParkingLot parkingLot, Clock clock) {
		this.id = id;
		// Created on the parked thread, which serves the request
		this.client = WebRequestLine.currentConnection();
		this.site = site;
		this.parkingLot = parkingLot;
		this.clock = clock;
		this.firstParkedAt = clock.instant();
		this.failure = new AttemptFailure(1, exception, this.firstParkedAt);
	}

	public String getId() {
		return this.id;
	}

	public CallSite getSite() {
		return this.site;
	}

	/**
	 * Return when the call parked for the first time.
	 * @return the instant of the first park
	 */
	public Instant getFirstParkedAt() {
		return this.firstParkedAt;
	}

	/**
	 * Return the latest failed attempt.
	 * @return the failure the call is parked on, or last parked on
	 */
	public AttemptFailure getFailure() {
		this.lock.lock();
		try {
			return this.failure;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return whether the call is waiting for a decision (rather than running again or
	 * finished).
	 * @return {@code true} if continue and abort are possible now
	 */
	public boolean isWaiting() {
		return getState() == ParkedCallState.PARKED;
	}

	/**
	 * Return whether the client of the call's web request has disconnected, as far as the
	 * server can tell: continuing runs the method again, but nobody receives the answer.
	 * @return {@code true} once the client is known to be gone
	 */
	public boolean isClientGone() {
		return this.clientGone;
	}

	/**
	 * Return where the call is in its life cycle.
	 * @return the state
	 */
	public ParkedCallState getState() {
		this.lock.lock();
		try {
			return this.state;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Check that the call is waiting, without changing it.
	 * @throws ParkedCallBusyException if it is running again or finished
	 */
	public void assertWaiting() {
		this.lock.lock();
		try {
			if (this.state != ParkedCallState.PARKED) {
				throw new ParkedCallBusyException(this.id, this.state);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Ask the parked side to call the method again.
	 * @return a future that completes with the outcome of the new attempt
	 * @throws ParkedCallBusyException if the call is not waiting
	 */
	public CompletableFuture<AttemptOutcome> requestRetry() {
		this.lock.lock();
		try {
			assertWaiting();
			CompletableFuture<AttemptOutcome> outcome = new CompletableFuture<>();
			this.retryOutcome = outcome;
			decide(ParkedCallState.RUNNING, Resolution.RETRY);
			return outcome;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Ask the parked side to rethrow the exception it caught.
	 * @throws ParkedCallBusyException if the call is not waiting
	 */
	public void requestAbort() {
		this.lock.lock();
		try {
			assertWaiting();
			decide(ParkedCallState.FINISHED, Resolution.ABORT);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Let the parked side rethrow the exception it caught, because the application is
	 * shutting down. Does nothing if the call is not waiting.
	 * @return whether the call was waiting and has been released
	 */
	boolean release() {
		return decideIfWaiting(Resolution.RELEASE);
	}

	/**
	 * End the wait of the current attempt with {@code resolution} unless a decision has
	 * been made already: for a parked side that gives up (time-out, interrupt) without a
	 * thread blocked in {@link #awaitResolution()}.
	 * @param resolution why the wait ends; anything but {@link Resolution#RETRY}
	 * @return whether the call was waiting and has now been resolved
	 */
	public boolean decideIfWaiting(Resolution resolution) {
		this.lock.lock();
		try {
			if (this.state != ParkedCallState.PARKED) {
				return false;
			}
			decide(ParkedCallState.FINISHED, resolution);
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void decide(ParkedCallState next, Resolution resolution) {
		this.state = next;
		this.decision.complete(resolution);
	}

	/**
	 * Return the decision on the current attempt, for a parked side that holds no thread:
	 * it completes once the call is continued, aborted or released. A parked side that
	 * gives up on its own ends the wait with {@link #decideIfWaiting(Resolution)}. Either
	 * way it then calls {@link #settle(Resolution)}.
	 * @return the future decision of the current attempt
	 */
	public CompletableFuture<Resolution> decision() {
		this.lock.lock();
		try {
			return this.decision;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wait, on the parked thread, until a decision is made or the park times out. An
	 * interrupt ends the wait and leaves the thread's interrupt flag set.
	 * @return the resolution; anything but {@link Resolution#RETRY} means the caught
	 * exception should propagate
	 */
	public Resolution awaitResolution() {
		CompletableFuture<Resolution> decision = decision();
		long deadline = System.nanoTime() + this.parkingLot.getParkTimeout().toNanos();
		try {
			while (!decision.isDone()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					decideIfWaiting(Resolution.TIMEOUT);
					break;
				}
				try {
					decision.get((this.client != null) ? Math.min(remaining, CLIENT_CHECK_NANOS) : remaining,
							TimeUnit.NANOSECONDS);
				}
				catch (TimeoutException ex) {
					checkClient();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			decideIfWaiting(Resolution.INTERRUPT);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Decisions are never completed exceptionally", ex);
		}
		Resolution resolution = decision.join();
		settle(resolution);
		return resolution;
	}

	private void checkClient() {
		ClientConnection connection = this.client;
		if (connection == null) {
			return;
		}
		try {
			if (connection.isClosedByClient()) {
				this.clientGone = true;
				this.client = null;
				logger.warn("The client of parked call " + this.id + " (" + this.site.method() + ") has disconnected. "
						+ "The call stays parked: continue runs the method again, but nobody receives the answer; "
						+ "abort frees the thread.");
			}
		}
		catch (RuntimeException ex) {
			// The server could not look: stop looking rather than fail the parked call
			this.client = null;
		}
	}

	/**
	 * Act on the decision, on the parked side: a call that will not run again leaves the
	 * lot.
	 * @param resolution the decision on the current attempt
	 */
	public void settle(Resolution resolution) {
		if (!resolution.retries()) {
			this.parkingLot.remove(this, resolution);
		}
	}

	/**
	 * Report, on the parked side, that the retried method returned normally.
	 */
	public void retrySucceeded() {
		finish(new AttemptOutcome.Resumed());
	}

	/**
	 * Report, on the parked side, that the retried method threw an exception that does
	 * not park.
	 * @param exception the exception that propagates
	 */
	public void retryFailed(Throwable exception) {
		finish(new AttemptOutcome.Failed(exception));
	}

	private void finish(AttemptOutcome outcome) {
		CompletableFuture<AttemptOutcome> future;
		this.lock.lock();
		try {
			this.state = ParkedCallState.FINISHED;
			future = this.retryOutcome;
		}
		finally {
			this.lock.unlock();
		}
		this.parkingLot.finished(this, outcome);
		complete(future, outcome);
	}

	/**
	 * Report, on the parked side, that the retried method failed again and parks as the
	 * next attempt.
	 * @param exception the new exception
	 */
	public void retryParked(Throwable exception) {
		CompletableFuture<AttemptOutcome> future;
		AttemptFailure next;
		this.lock.lock();
		try {
			next = new AttemptFailure(this.failure.attempt() + 1, exception, this.clock.instant());
			this.failure = next;
			this.state = ParkedCallState.PARKED;
			this.decision = new CompletableFuture<>();
			if (!this.parkingLot.isOpen()) {
				// The lot closed while the call ran again: nobody will decide any more
				decide(ParkedCallState.FINISHED, Resolution.RELEASE);
			}
			future = this.retryOutcome;
			this.retryOutcome = null;
		}
		finally {
			this.lock.unlock();
		}
		complete(future, new AttemptOutcome.ParkedAgain(next));
	}

	private static void complete(@Nullable CompletableFuture<AttemptOutcome> future, AttemptOutcome outcome) {
		if (future != null) {
			future.complete(outcome);
		}
	}

	@Override
	public String toString() {
		return "parked call " + this.id + " " + this.site.method();
	}

}

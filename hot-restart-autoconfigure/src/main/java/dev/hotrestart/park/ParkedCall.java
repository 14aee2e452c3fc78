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
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.hotrestart.connection.ClientConnection;

/**
 * A call whose method failed and whose thread now waits for a developer's decision.
 * <p>
 * Two kinds of thread use a parked call. The <em>parked thread</em> (the one that made
 * the call) calls {@link #awaitResolution()} and then reports what its retry did with
 * {@link #retrySucceeded()}, {@link #retryParked(Throwable)} or
 * {@link #retryFailed(Throwable)}. <em>Deciding threads</em> (endpoint, console,
 * shutdown) call {@link #requestRetry()}, {@link #requestAbort()} or {@link #release()}.
 * All state changes happen under one monitor, so of two racing decisions exactly one wins
 * and the other gets a {@link ParkedCallBusyException}.
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

	private final Object monitor = new Object();

	private State state = State.PARKED;

	private @Nullable Resolution pendingResolution;

	private AttemptFailure failure;

	private @Nullable CompletableFuture<AttemptOutcome> retryOutcome;

	private @Nullable ClientConnection client;

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
		synchronized (this.monitor) {
			return this.failure;
		}
	}

	/**
	 * Return whether the call is waiting for a decision (rather than running again or
	 * finished).
	 * @return {@code true} if continue and abort are possible now
	 */
	public boolean isWaiting() {
		synchronized (this.monitor) {
			return this.state == State.PARKED;
		}
	}

	/**
	 * Return the state of the call in words: {@code parked}, {@code running} or
	 * {@code finished}.
	 * @return the state
	 */
	public String getState() {
		synchronized (this.monitor) {
			return this.state.description;
		}
	}

	/**
	 * Return whether the client of the call's web request has disconnected, so that
	 * nobody receives the answer of a retry. {@code false} also where the server cannot
	 * tell.
	 * @return whether the client is known to have gone
	 */
	public boolean isClientGone() {
		return this.clientGone;
	}

	/**
	 * Check that the call is waiting, without changing it.
	 * @throws ParkedCallBusyException if it is running again or finished
	 */
	public void assertWaiting() {
		synchronized (this.monitor) {
			if (this.state != State.PARKED) {
				throw new ParkedCallBusyException(this.id, this.state.description);
			}
		}
	}

	/**
	 * Ask the parked thread to call the method again.
	 * @return a future that completes with the outcome of the new attempt
	 * @throws ParkedCallBusyException if the call is not waiting
	 */
	public CompletableFuture<AttemptOutcome> requestRetry() {
		synchronized (this.monitor) {
			assertWaiting();
			CompletableFuture<AttemptOutcome> outcome = new CompletableFuture<>();
			this.retryOutcome = outcome;
			decide(State.RUNNING, Resolution.RETRY);
			return outcome;
		}
	}

	/**
	 * Ask the parked thread to rethrow the exception it caught.
	 * @throws ParkedCallBusyException if the call is not waiting
	 */
	public void requestAbort() {
		synchronized (this.monitor) {
			assertWaiting();
			decide(State.FINISHED, Resolution.ABORT);
		}
	}

	/**
	 * Let the parked thread rethrow the exception it caught, because the application is
	 * shutting down. Does nothing if the call is not waiting.
	 * @return whether the call was waiting and has been released
	 */
	boolean release() {
		synchronized (this.monitor) {
			if (this.state != State.PARKED) {
				return false;
			}
			decide(State.FINISHED, Resolution.RELEASE);
			return true;
		}
	}

	private void decide(State next, Resolution resolution) {
		this.state = next;
		this.pendingResolution = resolution;
		this.monitor.notifyAll();
	}

	/**
	 * Wait, on the parked thread, until a decision is made or the park times out. An
	 * interrupt ends the wait and leaves the thread's interrupt flag set.
	 * @return the resolution; anything but {@link Resolution#RETRY} means the caught
	 * exception should propagate
	 */
	public Resolution awaitResolution() {
		Duration timeout = this.parkingLot.getParkTimeout();
		long deadline = System.nanoTime() + timeout.toNanos();
		Resolution resolution;
		synchronized (this.monitor) {
			while (this.pendingResolution == null) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					decide(State.FINISHED, Resolution.TIMEOUT);
					break;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.monitor,
							(this.client != null) ? Math.min(remaining, CLIENT_CHECK_NANOS) : remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					decide(State.FINISHED, Resolution.INTERRUPT);
				}
				checkClient();
			}
			resolution = this.pendingResolution;
			this.pendingResolution = null;
		}
		if (!resolution.retries()) {
			this.parkingLot.remove(this, resolution);
		}
		return resolution;
	}

	private void checkClient() {
		ClientConnection connection = this.client;
		if (connection == null || this.pendingResolution != null) {
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
	 * Report, on the parked thread, that the retried method returned normally.
	 */
	public void retrySucceeded() {
		finish(new AttemptOutcome.Resumed());
	}

	/**
	 * Report, on the parked thread, that the retried method threw an exception that does
	 * not park.
	 * @param exception the exception that propagates
	 */
	public void retryFailed(Throwable exception) {
		finish(new AttemptOutcome.Failed(exception));
	}

	private void finish(AttemptOutcome outcome) {
		CompletableFuture<AttemptOutcome> future;
		synchronized (this.monitor) {
			this.state = State.FINISHED;
			future = this.retryOutcome;
		}
		this.parkingLot.finished(this, outcome);
		complete(future, outcome);
	}

	/**
	 * Report, on the parked thread, that the retried method failed again and parks as the
	 * next attempt.
	 * @param exception the new exception
	 */
	public void retryParked(Throwable exception) {
		CompletableFuture<AttemptOutcome> future;
		AttemptFailure next;
		synchronized (this.monitor) {
			next = new AttemptFailure(this.failure.attempt() + 1, exception, this.clock.instant());
			this.failure = next;
			this.state = State.PARKED;
			future = this.retryOutcome;
			this.retryOutcome = null;
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

	private enum State {

		PARKED("parked"), RUNNING("running"), FINISHED("finished");

		private final String description;

		State(String description) {
			this.description = description;
		}

	}

}

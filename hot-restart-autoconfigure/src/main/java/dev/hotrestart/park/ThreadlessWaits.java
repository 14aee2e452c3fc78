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

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Waits for the decisions on calls parked without a thread: calls whose caller is a
 * {@code Mono}, a {@code Flux} or a {@code CompletableFuture} and holds no thread while
 * it waits. Each wait ends on a decision or when the park times out; the decision is then
 * handed to a thread of this class's own, where the parked side settles it and runs any
 * retry: never on the deciding thread, which decides while it holds the call's lock.
 * <p>
 * Bounded: one timer thread, and at most as many worker threads as calls can be parked at
 * once; each ends after a few idle seconds, so that none is left while nothing is parked.
 * {@link #close()} stops them all, for good. Thread-safe.
 *
 * @author hot-restart authors
 */
public final class ThreadlessWaits implements AutoCloseable {

	private static final long IDLE_SECONDS = 10;

	private final ScheduledThreadPoolExecutor timer;

	private final ThreadPoolExecutor workers;

	private final Duration parkTimeout;

	/**
	 * Create the waits for the calls of a lot.
	 * @param parkingLot the lot, whose park time-out applies
	 * @param maxParked how many calls can be parked at once, which bounds the number of
	 * worker threads
	 */
	public ThreadlessWaits(ParkingLot parkingLot, int maxParked) {
		this.parkTimeout = parkingLot.getParkTimeout();
		this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("hot-restart-timeout-"));
		this.timer.setRemoveOnCancelPolicy(true);
		this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.timer.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
		this.timer.allowCoreThreadTimeOut(true);
		int threads = Math.max(1, maxParked);
		this.workers = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), daemonThreads("hot-restart-retry-"));
		this.workers.allowCoreThreadTimeOut(true);
	}

	private static CustomizableThreadFactory daemonThreads(String prefix) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
		factory.setDaemon(true);
		return factory;
	}

	/**
	 * Wait, without a thread, for the decision on the current attempt of a call: a
	 * continue, an abort, a release, a cancel, or the park's time-out. The call is
	 * settled (it leaves the lot unless it runs again) before the returned future
	 * completes, on a worker thread.
	 * @param call the parked call
	 * @return the decision
	 */
	public CompletableFuture<Resolution> await(ParkedCall call) {
		CompletableFuture<Resolution> decision = call.decision();
		ScheduledFuture<?> timeout = decision.isDone() ? null : scheduleTimeout(call);
		return decision.thenApplyAsync((resolution) -> {
			if (timeout != null) {
				timeout.cancel(false);
			}
			call.settle(resolution);
			return resolution;
		}, this::execute);
	}

	private @Nullable ScheduledFuture<?> scheduleTimeout(ParkedCall call) {
		try {
			return this.timer.schedule(() -> call.decideIfWaiting(Resolution.TIMEOUT), this.parkTimeout.toNanos(),
					TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Closed: the application is shutting down and releases every call
			return null;
		}
	}

	private void execute(Runnable task) {
		try {
			this.workers.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// Closed while a released call still had to leave: let it leave all the same
			Thread thread = new Thread(task, "hot-restart-release");
			thread.setDaemon(true);
			thread.start();
		}
	}

	/**
	 * Return how many threads this class runs now.
	 * @return the number of live timer and worker threads
	 */
	public int threads() {
		return this.timer.getPoolSize() + this.workers.getPoolSize();
	}

	/**
	 * Stop the threads: pending time-outs are dropped and running retries finish.
	 */
	@Override
	public void close() {
		this.timer.shutdownNow();
		this.workers.shutdown();
	}

}

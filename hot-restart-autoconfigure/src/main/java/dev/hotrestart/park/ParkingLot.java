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
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The registry of parked calls, bounded in size by a {@link ParkingQuota}.
 * <p>
 * Thread-safe: failing threads {@link #park park} concurrently with endpoint threads that
 * list and find calls and with the shutdown thread that {@link #releaseAll releases}
 * them. Once released, the lot parks nothing more.
 *
 * @author hot-restart authors
 */
public class ParkingLot {

	private static final Log logger = LogFactory.getLog(ParkingLot.class);

	/**
	 * How many resolved calls the history of a lot remembers unless told otherwise.
	 */
	public static final int DEFAULT_HISTORY_SIZE = 20;

	private final Map<String, ParkedCall> calls = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final Set<Throwable> settledExceptions = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	private final Map<String, Outcome> finished = Collections.synchronizedMap(new FinishedCalls());

	private final Supplier<Stream<ParkListener>> listeners;

	private final Function<String, String> howToDecide;

	private final Object vacancy = new Object();

	private final ParkingHistory history;

	private final ParkingQuota quota;

	private final Duration parkTimeout;

	private final Clock clock;

	private volatile boolean closed;

	/**
	 * Create a lot that holds at most {@code maxParked} calls, each for at most
	 * {@code parkTimeout}, and tells no one when a call parks.
	 * @param maxParked the capacity; a failure beyond it propagates at once
	 * @param parkTimeout how long a call may wait before it gives up
	 */
	public ParkingLot(int maxParked, Duration parkTimeout) {
		this(maxParked, parkTimeout, Stream::empty);
	}

	/**
	 * Create a lot that holds at most {@code maxParked} calls, each for at most
	 * {@code parkTimeout}.
	 * @param maxParked the capacity; a failure beyond it propagates at once
	 * @param parkTimeout how long a call may wait before it gives up
	 * @param listeners supplies, each time a call parks, the listeners to tell, in order
	 * (for example {@code ObjectProvider<ParkListener>::orderedStream})
	 */
	public ParkingLot(int maxParked, Duration parkTimeout, Supplier<Stream<ParkListener>> listeners) {
		this(ParkingQuota.of(maxParked, null), parkTimeout, listeners);
	}

	/**
	 * Create a lot that holds the calls {@code quota} allows, each for at most
	 * {@code parkTimeout}.
	 * @param quota how many calls park, and how many of them from other hosts; a failure
	 * beyond it propagates at once
	 * @param parkTimeout how long a call may wait before it gives up
	 * @param listeners supplies, each time a call parks, the listeners to tell, in order
	 * (for example {@code ObjectProvider<ParkListener>::orderedStream})
	 */
	public ParkingLot(ParkingQuota quota, Duration parkTimeout, Supplier<Stream<ParkListener>> listeners) {
		this(quota, parkTimeout, listeners, ParkingLot::postToTheEndpoint);
	}

	/**
	 * Create a lot that holds the calls {@code quota} allows, each for at most
	 * {@code parkTimeout}, and tells the developer how to decide in its own words.
	 * @param quota how many calls park, and how many of them from other hosts; a failure
	 * beyond it propagates at once
	 * @param parkTimeout how long a call may wait before it gives up
	 * @param listeners supplies, each time a call parks, the listeners to tell, in order
	 * @param howToDecide what the log line of a new parked call tells the developer to
	 * do, given the call's id, such as {@code "Fix and recompile, then POST ..."}
	 */
	public ParkingLot(ParkingQuota quota, Duration parkTimeout, Supplier<Stream<ParkListener>> listeners,
			Function<String, String> howToDecide) {
		this(quota, parkTimeout, listeners, howToDecide, new ParkingHistory(DEFAULT_HISTORY_SIZE), Clock.systemUTC());
	}

	ParkingLot(ParkingQuota quota, Duration parkTimeout, Supplier<Stream<ParkListener>> listeners,
			ParkingHistory history, Clock clock) {
		this(quota, parkTimeout, listeners, ParkingLot::postToTheEndpoint, history, clock);
	}

	private ParkingLot(ParkingQuota quota, Duration parkTimeout, Supplier<Stream<ParkListener>> listeners,
			Function<String, String> howToDecide, ParkingHistory history, Clock clock) {
		this.quota = quota;
		this.parkTimeout = parkTimeout;
		this.listeners = listeners;
		this.howToDecide = howToDecide;
		this.history = history;
		this.clock = clock;
	}

	/**
	 * Park a call that has just failed for the first time.
	 * @param site where the call came from
	 * @param exception what it threw
	 * @return the parked call, or {@code null} when the lot is full or closed, in which
	 * case the exception should propagate
	 */
	public @Nullable ParkedCall park(CallSite site, Throwable exception) {
		ParkedCall call;
		synchronized (this.calls) {
			if (this.closed) {
				return null;
			}
			String full = this.quota.refusal(site, this.calls.values());
			if (full != null) {
				logger.warn("Not parking " + site.method() + " after " + exception.getClass().getName() + ": " + full);
				return null;
			}
			String id = Long.toString(this.sequence.incrementAndGet());
			call = new ParkedCall(id, site, exception, this, this.clock);
			this.calls.put(id, call);
		}
		logger.warn("Parked " + site.method() + " as call " + id(call) + " after " + describe(exception) + ". "
				+ this.howToDecide.apply(id(call)));
		this.listeners.get().forEach((listener) -> listener.parked(call));
		return call;
	}

	private static String postToTheEndpoint(String id) {
		return "Fix and recompile, then POST /actuator/hotrestart/" + id + "/continue (or /abort).";
	}

	private static String id(ParkedCall call) {
		return call.getId();
	}

	private static String describe(Throwable exception) {
		return exception.getClass().getName() + ((exception.getMessage() != null) ? ": " + exception.getMessage() : "");
	}

	/**
	 * Find a parked call by id.
	 * @param id the id
	 * @return the call, if it is still in the lot
	 */
	public Optional<ParkedCall> find(String id) {
		return Optional.ofNullable(this.calls.get(id));
	}

	/**
	 * Find a parked call by id.
	 * @param id the id
	 * @return the call
	 * @throws NoSuchParkedCallException if no call has that id
	 */
	public ParkedCall get(String id) {
		return find(id).orElseThrow(() -> new NoSuchParkedCallException(id));
	}

	/**
	 * Find a parked call that a developer wants to continue or abort. Unlike
	 * {@link #get(String)}, a call that has recently left the lot is not unknown: of two
	 * racing decisions on one call, the loser always learns that another one won.
	 * @param id the id
	 * @return the call
	 * @throws ParkedCallFinishedException if the call has recently left the lot
	 * @throws NoSuchParkedCallException if no call has that id
	 */
	public ParkedCall getForAction(String id) {
		ParkedCall call = this.calls.get(id);
		if (call != null) {
			return call;
		}
		Outcome how = this.finished.get(id);
		if (how != null) {
			throw new ParkedCallFinishedException(id, how);
		}
		throw new NoSuchParkedCallException(id);
	}

	/**
	 * Return the calls in the lot, oldest first.
	 * @return a snapshot of the parked calls
	 */
	public List<ParkedCall> getCalls() {
		return this.calls.values()
			.stream()
			.sorted(Comparator.comparingLong((ParkedCall call) -> Long.parseLong(call.getId())))
			.toList();
	}

	/**
	 * Return whether the exception, or one of its causes, already left a parked call
	 * (aborted, released or timed out), so that an outer advised method lets it pass.
	 * @param exception the exception
	 * @return {@code true} if it must not park again
	 */
	public boolean isSettled(Throwable exception) {
		for (Throwable candidate = exception; candidate != null; candidate = candidate.getCause()) {
			if (this.settledExceptions.contains(candidate)) {
				return true;
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return false;
	}

	/**
	 * Return whether the lot still accepts calls.
	 * @return {@code false} once {@link #releaseAll} has run
	 */
	public boolean isOpen() {
		return !this.closed;
	}

	Duration getParkTimeout() {
		return this.parkTimeout;
	}

	/**
	 * Return the calls that left the lot most recently.
	 * @return the history of resolved calls
	 */
	public ParkingHistory getHistory() {
		return this.history;
	}

	void remove(ParkedCall call, Resolution resolution) {
		Throwable exception = call.getFailure().exception();
		this.settledExceptions.add(exception);
		logger.warn("Parked call " + call.getId() + " (" + call.getSite().method() + ") " + resolution.outcome().value()
				+ ": rethrowing " + exception.getClass().getName());
		leave(call, resolution.outcome(), call.getFailure().attempt(), exception);
	}

	void finished(ParkedCall call, AttemptOutcome outcome) {
		int attempts = call.getFailure().attempt() + 1;
		if (outcome instanceof AttemptOutcome.Failed failed) {
			leave(call, Outcome.FAILED, attempts, failed.exception());
		}
		else {
			leave(call, Outcome.RESUMED, attempts, call.getFailure().exception());
		}
	}

	private void leave(ParkedCall call, Outcome outcome, int attempts, Throwable exception) {
		// Remembered before it disappears, so that no racing decision finds neither
		this.finished.put(call.getId(), outcome);
		if (this.calls.remove(call.getId(), call)) {
			this.history
				.add(new ResolvedCall(call.getId(), call.getSite(), outcome, attempts, exception.getClass().getName(),
						exception.getMessage(), call.getFirstParkedAt(), this.clock.instant()));
		}
		synchronized (this.vacancy) {
			this.vacancy.notifyAll();
		}
	}

	/**
	 * Close the lot and release every waiting call with its original exception, then wait
	 * until the released threads have left, so that their callers receive an error rather
	 * than an empty reply.
	 * @param maxWait how long to wait for the threads to leave
	 * @return the number of calls released
	 */
	public int releaseAll(Duration maxWait) {
		int released;
		synchronized (this.calls) {
			this.closed = true;
			released = (int) this.calls.values().stream().filter(ParkedCall::release).count();
		}
		long deadline = System.nanoTime() + maxWait.toNanos();
		synchronized (this.vacancy) {
			while (!this.calls.isEmpty()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					break;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.vacancy, remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		return released;
	}

	/**
	 * How recently finished calls ended, by id; bounded, oldest forgotten first.
	 */
	private static final class FinishedCalls extends LinkedHashMap<String, Outcome> {

		private static final int CAPACITY = 256;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Outcome> eldest) {
			return size() > CAPACITY;
		}

	}

}

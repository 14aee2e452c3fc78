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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.ReloadResult;

/**
 * The developer's actions on parked calls: continue (reload changed classes, then call
 * again) and abort (rethrow the original exception).
 * <p>
 * Called from request threads of the endpoint and the console; thread-safe. A refused
 * reload throws before the call is touched, so the call stays parked.
 *
 * @author hot-restart authors
 */
public class ParkedCallActions {

	private final ParkingLot parkingLot;

	private final ClassReloader reloader;

	private final Duration outcomeWait;

	private final boolean reloadOnContinue;

	/**
	 * Create the actions.
	 * @param parkingLot where the calls are parked
	 * @param reloader reloads changed classes before a continue
	 * @param outcomeWait how long a continue waits for the new attempt to return or park
	 */
	public ParkedCallActions(ParkingLot parkingLot, ClassReloader reloader, Duration outcomeWait) {
		this(parkingLot, reloader, outcomeWait, true);
	}

	/**
	 * Create the actions.
	 * @param parkingLot where the calls are parked
	 * @param reloader reloads changed classes before a continue
	 * @param outcomeWait how long a continue waits for the new attempt to return or park
	 * @param reloadOnContinue whether a continue reloads changed classes; {@code false}
	 * when another tool (JRebel, HotswapAgent) reloads them, so that a continue only
	 * calls again
	 */
	public ParkedCallActions(ParkingLot parkingLot, ClassReloader reloader, Duration outcomeWait,
			boolean reloadOnContinue) {
		this.parkingLot = parkingLot;
		this.reloader = reloader;
		this.outcomeWait = outcomeWait;
		this.reloadOnContinue = reloadOnContinue;
	}

	/**
	 * Reload every changed class (unless reloading on continue is off), then let the
	 * parked call run again with the same arguments, and wait (bounded) for what it does.
	 * @param id the id of the parked call
	 * @return the classes reloaded and the outcome of the new attempt
	 * @throws NoSuchParkedCallException if no call has that id
	 * @throws ParkedCallBusyException if the call is not waiting
	 * @throws dev.hotrestart.reload.ReloadRefusedException if the JVM cannot apply the
	 * changes; the call stays parked
	 * @throws dev.hotrestart.reload.ClassFileRejectedException if a changed class file
	 * cannot be loaded; the call stays parked
	 * @throws dev.hotrestart.reload.InstrumentationUnavailableException if classes cannot
	 * be redefined in this JVM; the call stays parked
	 */
	public ContinueResult continueCall(String id) {
		ParkedCall call = this.parkingLot.getForAction(id);
		call.assertWaiting();
		ReloadResult reload = this.reloadOnContinue ? this.reloader.reloadChangedClasses()
				: ReloadResult.nothingChanged();
		CompletableFuture<AttemptOutcome> outcome = call.requestRetry();
		return new ContinueResult(id, reload, awaitOutcome(outcome));
	}

	private @Nullable AttemptOutcome awaitOutcome(CompletableFuture<AttemptOutcome> outcome) {
		try {
			return outcome.get(this.outcomeWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Outcome futures are never completed exceptionally", ex);
		}
	}

	/**
	 * Let the parked call rethrow the very exception it caught.
	 * @param id the id of the parked call
	 * @throws NoSuchParkedCallException if no call has that id
	 * @throws ParkedCallBusyException if the call is not waiting
	 */
	public void abort(String id) {
		this.parkingLot.getForAction(id).requestAbort();
	}

}

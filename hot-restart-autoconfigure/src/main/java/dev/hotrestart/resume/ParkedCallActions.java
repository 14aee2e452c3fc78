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

package dev.hotrestart.resume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.compile.ChangedSourceCompiler;
import dev.hotrestart.compile.CompileFailedException;
import dev.hotrestart.compile.CompileUnavailableException;
import dev.hotrestart.compile.CompiledSources;
import dev.hotrestart.park.AttemptOutcome;
import dev.hotrestart.park.NoSuchParkedCallException;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkedCallBusyException;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.ReloadException;
import dev.hotrestart.reload.ReloadResult;

/**
 * The developer's decisions on parked calls, and the one place where a continue happens:
 * compile the saved sources that changed, reload the changed classes, then let the call
 * run again with the same arguments, and tell what it did. The endpoint, the console,
 * resume on save and the terminal all continue and abort through here.
 * <p>
 * Called from request threads, the class directory watcher and the terminal reader;
 * thread-safe. A refused reload, or a source that does not compile, throws before any
 * call is touched, so the calls stay parked.
 *
 * @author hot-restart authors
 */
public class ParkedCallActions {

	private final ParkingLot parkingLot;

	private final @Nullable ChangedSourceCompiler compiler;

	private final ClassReloader reloader;

	private final Duration outcomeWait;

	private final boolean reloadOnContinue;

	private final Object reloadLock = new Object();

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
		this(parkingLot, null, reloader, outcomeWait, reloadOnContinue);
	}

	/**
	 * Create the actions.
	 * @param parkingLot where the calls are parked
	 * @param compiler compiles the saved sources that changed before a reload, or
	 * {@code null} to leave compiling to the build
	 * @param reloader reloads changed classes before a continue
	 * @param outcomeWait how long a continue waits for the new attempt to return or park
	 * @param reloadOnContinue whether a continue compiles and reloads; {@code false} when
	 * another tool (JRebel, HotswapAgent) reloads classes, so that a continue only calls
	 * again
	 */
	public ParkedCallActions(ParkingLot parkingLot, @Nullable ChangedSourceCompiler compiler, ClassReloader reloader,
			Duration outcomeWait, boolean reloadOnContinue) {
		this.parkingLot = parkingLot;
		this.compiler = compiler;
		this.reloader = reloader;
		this.outcomeWait = outcomeWait;
		this.reloadOnContinue = reloadOnContinue;
	}

	/**
	 * Compile the saved sources that changed and reload every changed class (unless
	 * reloading on continue is off), then let the parked call run again with the same
	 * arguments, and wait (bounded) for what it does.
	 * @param id the id of the parked call
	 * @return the classes reloaded and the outcome of the new attempt
	 * @throws NoSuchParkedCallException if no call has that id
	 * @throws ParkedCallBusyException if the call is not waiting
	 * @throws ReloadException if the changed sources do not compile
	 * ({@link CompileFailedException}) or cannot be compiled here
	 * ({@link CompileUnavailableException}), or the changed classes cannot be reloaded;
	 * the call stays parked
	 */
	public ContinueResult continueCall(String id) {
		ParkedCall call = this.parkingLot.getForAction(id);
		call.assertWaiting();
		ReloadResult reload = reload();
		return new ContinueResult(id, reload, awaitOutcome(call.requestRetry()));
	}

	/**
	 * Continue the call that has waited longest.
	 * @return what {@link #continueCall(String)} returns, or {@code null} when no call is
	 * waiting
	 * @throws ReloadException if the changed classes cannot be reloaded; the call stays
	 * parked
	 */
	public @Nullable ContinueResult continueOldest() {
		ParkedCall oldest = oldestWaiting();
		return (oldest != null) ? continueCall(oldest.getId()) : null;
	}

	/**
	 * Compile the saved sources that changed, then reload every changed class, unless
	 * reloading on continue is off.
	 * @return what was reloaded
	 * @throws ReloadException if the changed sources cannot be compiled or the changed
	 * classes cannot be reloaded
	 */
	public ReloadResult reload() {
		return compileAndReload().reload();
	}

	/**
	 * Compile the saved sources that changed, then reload every changed class, unless
	 * reloading on continue is off.
	 * @return what was compiled and what was reloaded
	 * @throws ReloadException if the changed sources cannot be compiled or the changed
	 * classes cannot be reloaded
	 */
	public SavedChange compileAndReload() {
		if (!this.reloadOnContinue) {
			return SavedChange.none();
		}
		// One at a time, so that what one caller compiled, that caller reloads
		synchronized (this.reloadLock) {
			CompiledSources compiled = (this.compiler != null) ? this.compiler.compileChanged()
					: CompiledSources.none();
			return new SavedChange(compiled, this.reloader.reloadChangedClasses());
		}
	}

	/**
	 * Let every waiting call run again, without reloading and without waiting for what
	 * the calls do. A call continued or aborted meanwhile keeps that decision.
	 * @return the calls that run again, with the future outcomes of their new attempts
	 */
	public List<RetriedCall> retryWaiting() {
		List<RetriedCall> retried = new ArrayList<>();
		for (ParkedCall call : this.parkingLot.getCalls()) {
			try {
				retried.add(new RetriedCall(call, call.requestRetry()));
			}
			catch (ParkedCallBusyException ex) {
				// Running again or decided meanwhile: that decision stands
			}
		}
		return retried;
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

	/**
	 * Abort the call that has waited longest.
	 * @return the id of the aborted call, or {@code null} when no call is waiting
	 */
	public @Nullable String abortOldest() {
		ParkedCall oldest = oldestWaiting();
		if (oldest == null) {
			return null;
		}
		abort(oldest.getId());
		return oldest.getId();
	}

	private @Nullable ParkedCall oldestWaiting() {
		return this.parkingLot.getCalls().stream().filter(ParkedCall::isWaiting).findFirst().orElse(null);
	}

	/**
	 * A call that runs again.
	 *
	 * @param call the call
	 * @param outcome completes with what its new attempt did
	 */
	public record RetriedCall(ParkedCall call, CompletableFuture<AttemptOutcome> outcome) {

	}

}

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

package dev.hotrestart.devtools;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.hotrestart.park.AttemptOutcome;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkedCallBusyException;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.InstrumentationUnavailableException;
import dev.hotrestart.reload.ReloadRefusedException;
import dev.hotrestart.reload.ReloadResult;

/**
 * Resume on save ({@code hot-restart.auto-continue}): when class files change while calls
 * are parked, reload the changed classes and let every waiting call run again, as a
 * continue of each would. A call that fails again parks again as its next attempt. A
 * refused reload leaves every call parked and says why in the log.
 * <p>
 * Switched on and off at run time with {@link #setEnabled(boolean)} (endpoint and console
 * threads); told about changes by {@link #classesChanged()} (DevTools' file watcher
 * thread, or the {@link ClassDirectoryWatcher}). Thread-safe: resumes are serialised.
 *
 * @author hot-restart authors
 */
public class ResumeOnSave {

	private static final Log logger = LogFactory.getLog(ResumeOnSave.class);

	private final ParkingLot parkingLot;

	private final ClassReloader reloader;

	private final List<Runnable> enabledListeners = new CopyOnWriteArrayList<>();

	private volatile boolean enabled;

	/**
	 * Create the switch and the action behind it.
	 * @param parkingLot where calls are parked
	 * @param reloader reloads changed classes before the calls run again
	 * @param enabled whether it starts switched on
	 */
	public ResumeOnSave(ParkingLot parkingLot, ClassReloader reloader, boolean enabled) {
		this.parkingLot = parkingLot;
		this.reloader = reloader;
		this.enabled = enabled;
	}

	/**
	 * Return whether parked calls resume on their own when classes change.
	 * @return {@code true} if resume on save is on
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Switch resume on save on or off.
	 * @param enabled whether parked calls resume on their own when classes change
	 */
	public void setEnabled(boolean enabled) {
		boolean switchedOn = enabled && !this.enabled;
		this.enabled = enabled;
		if (switchedOn) {
			logger.info("Resume on save is on: parked calls run again when their classes are recompiled");
			this.enabledListeners.forEach(Runnable::run);
		}
	}

	/**
	 * Register an action to run each time resume on save is switched on.
	 * @param listener the action
	 */
	public void onEnabled(Runnable listener) {
		this.enabledListeners.add(listener);
	}

	/**
	 * Tell that class files changed. When resume on save is on and calls are waiting,
	 * reload the changed classes and let every waiting call run again, without waiting
	 * for what the calls do.
	 * @return the number of calls that run again
	 */
	public synchronized int classesChanged() {
		if (!this.enabled) {
			return 0;
		}
		List<ParkedCall> waiting = this.parkingLot.getCalls().stream().filter(ParkedCall::isWaiting).toList();
		if (waiting.isEmpty()) {
			return 0;
		}
		ReloadResult reload;
		try {
			reload = this.reloader.reloadChangedClasses();
		}
		catch (ReloadRefusedException | InstrumentationUnavailableException ex) {
			logger.warn("Resume on save did not resume " + waiting.size() + " parked call(s): " + ex.getMessage());
			return 0;
		}
		if (reload.reloaded().isEmpty() && reload.notLoaded().isEmpty()) {
			// Same content rewritten: running the same code again would only fail again
			return 0;
		}
		int resumed = 0;
		for (ParkedCall call : waiting) {
			try {
				call.requestRetry().thenAccept((outcome) -> logOutcome(call, outcome));
				resumed++;
			}
			catch (ParkedCallBusyException ex) {
				// Continued or aborted meanwhile: that decision stands
			}
		}
		logger.info("Resume on save: reloaded " + String.join(", ", reload.reloaded()) + " and resumed " + resumed
				+ " parked call(s)");
		return resumed;
	}

	private static void logOutcome(ParkedCall call, AttemptOutcome outcome) {
		if (outcome instanceof AttemptOutcome.ParkedAgain parkedAgain) {
			Throwable exception = parkedAgain.failure().exception();
			logger.warn("Parked call " + call.getId() + " (" + call.getSite().method() + ") failed again after resume "
					+ "on save and parks as attempt " + parkedAgain.failure().attempt() + ": "
					+ exception.getClass().getName()
					+ ((exception.getMessage() != null) ? ": " + exception.getMessage() : "")
					+ ". Fix and recompile again.");
		}
		else if (outcome instanceof AttemptOutcome.Resumed) {
			logger.info(
					"Parked call " + call.getId() + " (" + call.getSite().method() + ") resumed after resume on save");
		}
	}

}

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

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.hotrestart.park.AttemptOutcome;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.resume.ParkedCallActions.RetriedCall;

/**
 * Resume on save ({@code hot-restart.auto-continue}): once a build applied while calls
 * are parked (see {@link ChangeApplier}), let every waiting call run again, as a continue
 * of each would. A call that fails again parks again as its next attempt.
 * <p>
 * Switched on and off at run time with {@link #setEnabled(boolean)} (endpoint and console
 * threads); told of applied builds on the {@link ClassDirectoryWatcher}'s thread.
 * Thread-safe.
 *
 * @author hot-restart authors
 */
public class ResumeOnSave {

	private static final Log logger = LogFactory.getLog(ResumeOnSave.class);

	private final ParkedCallActions actions;

	private volatile boolean enabled;

	/**
	 * Create the switch and the action behind it.
	 * @param actions lets the waiting calls run again
	 * @param enabled whether it starts switched on
	 */
	public ResumeOnSave(ParkedCallActions actions, boolean enabled) {
		this.actions = actions;
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
		}
	}

	/**
	 * Let every waiting call run again after a build was applied, without waiting for
	 * what the calls do. Does nothing when resume on save is off.
	 * @param reload what the build changed
	 * @return the number of calls that run again
	 */
	public int resume(ReloadResult reload) {
		if (!this.enabled) {
			return 0;
		}
		List<RetriedCall> retried = this.actions.retryWaiting();
		retried.forEach((call) -> call.outcome().thenAccept((outcome) -> logOutcome(call.call(), outcome)));
		if (!retried.isEmpty()) {
			logger.info("Resume on save: applied " + String.join(", ", reload.reloaded()) + " and resumed "
					+ retried.size() + " parked call(s)");
		}
		return retried.size();
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

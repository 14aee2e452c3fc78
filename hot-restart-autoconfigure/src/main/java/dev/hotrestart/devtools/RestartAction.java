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

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.hotrestart.park.ParkingLot;

/**
 * Restarts the application through Spring Boot DevTools, for a change the JVM cannot
 * redefine (a new method or field, a changed signature): first releases every parked call
 * with its original exception and waits (bounded) for the calls to leave, then asks
 * DevTools' {@code Restarter} to restart, which happens on a thread of its own. Without
 * DevTools restart, {@link #restart()} refuses and says why.
 * <p>
 * Called from endpoint and console request threads; thread-safe.
 *
 * @author hot-restart authors
 */
public class RestartAction {

	private static final Log logger = LogFactory.getLog(RestartAction.class);

	private final ParkingLot parkingLot;

	private final Duration releaseWait;

	/**
	 * Create the action.
	 * @param parkingLot the calls to release before the restart
	 * @param releaseWait how long to wait for the released calls to leave
	 */
	public RestartAction(ParkingLot parkingLot, Duration releaseWait) {
		this.parkingLot = parkingLot;
		this.releaseWait = releaseWait;
	}

	/**
	 * Return why DevTools cannot restart this application.
	 * @return the reason, or {@code null} if it can
	 */
	public @Nullable String unavailableReason() {
		if (!DevToolsRestart.isPresent()) {
			return "Spring Boot DevTools is not on the class path. Add org.springframework.boot:spring-boot-devtools "
					+ "(optional) to restart from here, or restart the application yourself.";
		}
		if (!DevToolsRestart.isActive()) {
			return "DevTools restart is not active in this JVM: it is off when the application runs from a packaged "
					+ "jar, inside a test runner, from a thread other than 'main', or with "
					+ "spring.devtools.restart.enabled=false. Restart the application yourself.";
		}
		return null;
	}

	/**
	 * Release every parked call with its original exception, then restart the application
	 * through DevTools. Returns once the restart has begun.
	 * @return the number of parked calls released
	 * @throws RestartUnavailableException if DevTools cannot restart this application;
	 * then nothing was released
	 */
	public int restart() {
		String reason = unavailableReason();
		if (reason != null) {
			throw new RestartUnavailableException(reason);
		}
		int released = this.parkingLot.releaseAll(this.releaseWait);
		logger.info("Restarting through DevTools" + ((released > 0)
				? " after releasing " + released + " parked call(s) with their original exceptions" : ""));
		DevToolsRestart.restart();
		return released;
	}

}

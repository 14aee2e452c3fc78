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

package dev.hotrestart.actuate;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

import dev.hotrestart.devtools.RestartAction;
import dev.hotrestart.park.Outcome;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.resume.ChangeApplier;
import dev.hotrestart.resume.ParkedCallActions;
import dev.hotrestart.resume.ResumeOnSave;

/**
 * The {@code hotrestart} endpoint: {@code GET /actuator/hotrestart} lists parked
 * failures, {@code GET /actuator/hotrestart/{id}} shows one, and {@code POST
 * /actuator/hotrestart/{id}/continue} or {@code .../abort} decides its fate. Errors
 * answer with a JSON body whose {@code error} says what happened and what to do; a
 * refused reload (409) adds {@code refusals} and {@code advice}, a rejected class file
 * (422) adds {@code files}. {@code GET /actuator/hotrestart/settings} shows the settings
 * switchable at run time, {@code POST /actuator/hotrestart/auto-continue/on} (or
 * {@code off}) switches resume on save, and {@code POST /actuator/hotrestart/restart}
 * restarts the application through DevTools. A web endpoint only: its answers are HTTP
 * statuses.
 *
 * @author hot-restart authors
 */
@WebEndpoint(id = HotRestartEndpoint.ID)
public class HotRestartEndpoint {

	/**
	 * The id of the endpoint, which is also its path below Actuator's base path.
	 */
	public static final String ID = "hotrestart";

	private static final Duration CHANGED_CLASSES_MAX_AGE = Duration.ofMillis(500);

	private static final String SETTINGS = "settings";

	private static final String RESTART = "restart";

	private static final String AUTO_CONTINUE = "auto-continue";

	private final ParkingLot parkingLot;

	private final ParkedCallActions actions;

	private final ChangedClasses changedClasses;

	private final ApplicationCode applicationCode;

	private final RuntimeCommands commands;

	private final @Nullable ChangeApplier changeApplier;

	/**
	 * Create the endpoint.
	 * @param parkingLot the parked calls and their history
	 * @param actions continue and abort
	 * @param reloader tells which classes changed since they were loaded
	 * @param applicationCode tells the application's stack frames from the others
	 * @param changeApplier tells what became of the latest build, or {@code null} when
	 * builds are not applied as they land
	 * @param resumeOnSave the resume on save switch, or {@code null}
	 * @param restartAction restarts through DevTools, or {@code null}
	 */
	public HotRestartEndpoint(ParkingLot parkingLot, ParkedCallActions actions, ClassReloader reloader,
			ApplicationCode applicationCode, @Nullable ChangeApplier changeApplier, @Nullable ResumeOnSave resumeOnSave,
			@Nullable RestartAction restartAction) {
		this.parkingLot = parkingLot;
		this.actions = actions;
		this.changedClasses = new ChangedClasses(reloader::pendingChanges, CHANGED_CLASSES_MAX_AGE);
		this.applicationCode = applicationCode;
		this.commands = new RuntimeCommands(resumeOnSave, restartAction);
		this.changeApplier = changeApplier;
	}

	/**
	 * List the parked failures, oldest first, the classes changed since they were loaded,
	 * what became of the latest build, and the recently resolved calls.
	 * @return the failures, changes and history
	 */
	@ReadOperation
	public ParkedFailuresDescriptor failures() {
		List<ParkedFailureDescriptor> failures = this.parkingLot.getCalls()
			.stream()
			.map((call) -> ParkedFailureDescriptor.of(call, this.applicationCode))
			.toList();
		// Scanning class directories only matters while something waits for a fix
		List<String> changed = failures.isEmpty() ? List.of() : this.changedClasses.get();
		List<ResolvedCallDescriptor> history = this.parkingLot.getHistory()
			.getEntries()
			.stream()
			.map(ResolvedCallDescriptor::of)
			.toList();
		LatestChangeDescriptor latestChange = (this.changeApplier != null)
				? LatestChangeDescriptor.of(this.changeApplier.getLatestChange()) : null;
		return new ParkedFailuresDescriptor(failures, changed, latestChange, history);
	}

	/**
	 * Show one parked failure, or the settings for {@code settings}.
	 * @param id the id of the parked call, or {@code settings}
	 * @return the failure, or 404 with an error
	 */
	@ReadOperation
	public WebEndpointResponse<Object> failure(@Selector String id) {
		if (SETTINGS.equals(id)) {
			return new WebEndpointResponse<>(this.commands.settings());
		}
		return EndpointErrors.respond(id,
				() -> ParkedFailureDescriptor.of(this.parkingLot.get(id), this.applicationCode));
	}

	/**
	 * Continue or abort a parked call, or, for {@code auto-continue}, switch resume on
	 * save {@code on} or {@code off}.
	 * @param id the id of the parked call, or {@code auto-continue}
	 * @param action {@code continue} or {@code abort}; {@code on} or {@code off}
	 * @return 200 with what happened; 404 for an unknown id; 409 when the reload was
	 * refused or the call is not waiting (it stays parked); 422 when a changed class file
	 * cannot be loaded (it stays parked); 400 for an unknown action
	 */
	@WriteOperation
	public WebEndpointResponse<Object> act(@Selector String id, @Selector String action) {
		if (AUTO_CONTINUE.equals(id)) {
			return this.commands.autoContinue(action);
		}
		return switch (action) {
			case "continue" -> EndpointErrors.respond(id, () -> continueCall(id));
			case "abort" -> EndpointErrors.respond(id, () -> {
				this.actions.abort(id);
				return new AbortDescriptor(id, Outcome.ABORTED.value());
			});
			default -> EndpointErrors.error(WebEndpointResponse.STATUS_BAD_REQUEST, id, "Unknown action '" + action
					+ "'. POST /actuator/hotrestart/" + id + "/continue or /actuator/hotrestart/" + id + "/abort.");
		};
	}

	private ContinueDescriptor continueCall(String id) {
		try {
			return ContinueDescriptor.of(this.actions.continueCall(id), this.applicationCode);
		}
		finally {
			this.changedClasses.invalidate();
		}
	}

	/**
	 * Run a command that concerns no single call: {@code restart} releases every parked
	 * call with its original exception and restarts the application through DevTools.
	 * @param command {@code restart}
	 * @return 200 once the restart has begun; 409 when DevTools cannot restart the
	 * application; 400 for an unknown command
	 */
	@WriteOperation
	public WebEndpointResponse<Object> command(@Selector String command) {
		if (RESTART.equals(command)) {
			return this.commands.restart();
		}
		return this.commands.unknown(command);
	}

	/**
	 * The parked failures.
	 *
	 * @param failures the failures, oldest first
	 * @param changedClasses the binary names of the classes whose class files changed
	 * since they were loaded and are not in effect yet, which a continue would reload;
	 * empty when nothing is parked
	 * @param latestChange what became of the latest build that changed classes while
	 * calls were parked, or {@code null}
	 * @param history the most recently resolved calls, newest first
	 */
	public record ParkedFailuresDescriptor(List<ParkedFailureDescriptor> failures, List<String> changedClasses,
			@Nullable LatestChangeDescriptor latestChange, List<ResolvedCallDescriptor> history) {

	}

	/**
	 * The answer to an abort.
	 *
	 * @param id the id of the aborted call
	 * @param outcome always {@code aborted}
	 */
	public record AbortDescriptor(String id, String outcome) {

	}

}

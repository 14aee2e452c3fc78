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
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

import dev.hotrestart.devtools.RestartAction;
import dev.hotrestart.devtools.RestartUnavailableException;
import dev.hotrestart.devtools.ResumeOnSave;
import dev.hotrestart.park.NoSuchParkedCallException;
import dev.hotrestart.park.ParkedCallActions;
import dev.hotrestart.park.ParkedCallBusyException;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.actuate.ContinueDescriptor.ReloadNoteDescriptor;
import dev.hotrestart.reload.ClassFileRejectedException;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.InstrumentationUnavailableException;
import dev.hotrestart.reload.ReloadRefusedException;

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
@WebEndpoint(id = "hotrestart")
public class HotRestartEndpoint {

	private static final int STATUS_CONFLICT = 409;

	private static final int STATUS_UNPROCESSABLE_CONTENT = 422;

	private static final Duration CHANGED_CLASSES_MAX_AGE = Duration.ofMillis(500);

	private static final String SETTINGS = "settings";

	private static final String RESTART = "restart";

	private static final String AUTO_CONTINUE = "auto-continue";

	private final ParkingLot parkingLot;

	private final ParkedCallActions actions;

	private final ChangedClasses changedClasses;

	private final ApplicationCode applicationCode;

	private final @Nullable ResumeOnSave resumeOnSave;

	private final @Nullable RestartAction restartAction;

	/**
	 * Create the endpoint for an application without DevTools.
	 * @param parkingLot the parked calls and their history
	 * @param actions continue and abort
	 * @param reloader tells which classes changed since they were loaded
	 * @param applicationCode tells the application's stack frames from the others
	 */
	public HotRestartEndpoint(ParkingLot parkingLot, ParkedCallActions actions, ClassReloader reloader,
			ApplicationCode applicationCode) {
		this(parkingLot, actions, reloader, applicationCode, null, null);
	}

	/**
	 * Create the endpoint.
	 * @param parkingLot the parked calls and their history
	 * @param actions continue and abort
	 * @param reloader tells which classes changed since they were loaded
	 * @param applicationCode tells the application's stack frames from the others
	 * @param resumeOnSave the resume on save switch, or {@code null}
	 * @param restartAction restarts through DevTools, or {@code null}
	 */
	public HotRestartEndpoint(ParkingLot parkingLot, ParkedCallActions actions, ClassReloader reloader,
			ApplicationCode applicationCode, @Nullable ResumeOnSave resumeOnSave,
			@Nullable RestartAction restartAction) {
		this.parkingLot = parkingLot;
		this.actions = actions;
		this.changedClasses = new ChangedClasses(reloader::pendingChanges, CHANGED_CLASSES_MAX_AGE);
		this.applicationCode = applicationCode;
		this.resumeOnSave = resumeOnSave;
		this.restartAction = restartAction;
	}

	/**
	 * List the parked failures, oldest first, the classes changed since they were loaded
	 * and the recently resolved calls.
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
		return new ParkedFailuresDescriptor(failures, changed, history);
	}

	/**
	 * Show one parked failure, or the settings for {@code settings}.
	 * @param id the id of the parked call, or {@code settings}
	 * @return the failure, or 404 with an error
	 */
	@ReadOperation
	public WebEndpointResponse<Object> failure(@Selector String id) {
		if (SETTINGS.equals(id)) {
			return new WebEndpointResponse<>(settings());
		}
		return respond(id, () -> ParkedFailureDescriptor.of(this.parkingLot.get(id), this.applicationCode));
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
			return autoContinue(action);
		}
		return switch (action) {
			case "continue" -> respond(id, () -> continueCall(id));
			case "abort" -> respond(id, () -> {
				this.actions.abort(id);
				return new AbortDescriptor(id, "aborted");
			});
			default -> error(WebEndpointResponse.STATUS_BAD_REQUEST, id, "Unknown action '" + action
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
			return restart();
		}
		return new WebEndpointResponse<>(new CommandErrorDescriptor("Unknown command '" + command
				+ "'. POST /actuator/hotrestart/restart, /actuator/hotrestart/auto-continue/on (or /off), or "
				+ "/actuator/hotrestart/{id}/continue."), WebEndpointResponse.STATUS_BAD_REQUEST);
	}

	private WebEndpointResponse<Object> autoContinue(String action) {
		if (this.resumeOnSave == null) {
			return new WebEndpointResponse<>(new CommandErrorDescriptor("Resume on save is not configured."),
					STATUS_CONFLICT);
		}
		return switch (action) {
			case "on", "off" -> {
				this.resumeOnSave.setEnabled("on".equals(action));
				yield new WebEndpointResponse<>(settings());
			}
			default -> new WebEndpointResponse<>(new CommandErrorDescriptor("Unknown setting '" + action
					+ "'. POST /actuator/hotrestart/auto-continue/on or /actuator/hotrestart/auto-continue/off."),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		};
	}

	private WebEndpointResponse<Object> restart() {
		if (this.restartAction == null) {
			return new WebEndpointResponse<>(new CommandErrorDescriptor("Restart is not configured."), STATUS_CONFLICT);
		}
		try {
			return new WebEndpointResponse<>(new RestartDescriptor("restarting", this.restartAction.restart()));
		}
		catch (RestartUnavailableException ex) {
			return new WebEndpointResponse<>(new CommandErrorDescriptor(ex.getMessage()), STATUS_CONFLICT);
		}
	}

	private SettingsDescriptor settings() {
		boolean autoContinue = this.resumeOnSave != null && this.resumeOnSave.isEnabled();
		String restartUnavailable = (this.restartAction != null) ? this.restartAction.unavailableReason()
				: "Restart is not configured.";
		return new SettingsDescriptor(autoContinue, restartUnavailable == null, restartUnavailable);
	}

	private WebEndpointResponse<Object> respond(String id, Supplier<Object> operation) {
		try {
			return new WebEndpointResponse<>(operation.get());
		}
		catch (NoSuchParkedCallException ex) {
			return error(WebEndpointResponse.STATUS_NOT_FOUND, id, ex.getMessage());
		}
		catch (ParkedCallBusyException ex) {
			return error(STATUS_CONFLICT, id, ex.getMessage());
		}
		catch (ReloadRefusedException ex) {
			return new WebEndpointResponse<>(new RefusedReloadDescriptor(ex.getMessage(), id,
					ReloadNoteDescriptor.of(ex.getRefusals()), ex.getAdvice()), STATUS_CONFLICT);
		}
		catch (ClassFileRejectedException ex) {
			List<RejectedClassFileDescriptor> files = ex.getFiles()
				.stream()
				.map((file) -> new RejectedClassFileDescriptor(file.className(), file.file(), file.cause()))
				.toList();
			return new WebEndpointResponse<>(new RejectedClassFilesDescriptor(ex.getMessage(), id, files),
					STATUS_UNPROCESSABLE_CONTENT);
		}
		catch (InstrumentationUnavailableException ex) {
			return error(STATUS_CONFLICT, id, ex.getMessage());
		}
	}

	private static WebEndpointResponse<Object> error(int status, String id, String message) {
		return new WebEndpointResponse<>(new ErrorDescriptor(message, id), status);
	}

	/**
	 * The parked failures.
	 *
	 * @param failures the failures, oldest first
	 * @param changedClasses the binary names of the classes whose class files changed
	 * since they were loaded, which a continue would reload; empty when nothing is parked
	 * @param history the most recently resolved calls, newest first
	 */
	public record ParkedFailuresDescriptor(List<ParkedFailureDescriptor> failures, List<String> changedClasses,
			List<ResolvedCallDescriptor> history) {

	}

	/**
	 * The answer to an abort.
	 *
	 * @param id the id of the aborted call
	 * @param outcome always {@code aborted}
	 */
	public record AbortDescriptor(String id, String outcome) {

	}

	/**
	 * The settings switchable at run time, and what the application can do.
	 *
	 * @param autoContinue whether parked calls resume on their own when classes change
	 * @param restartAvailable whether {@code POST /actuator/hotrestart/restart} can
	 * restart the application through DevTools
	 * @param restartUnavailableReason why it cannot, or {@code null}
	 */
	public record SettingsDescriptor(boolean autoContinue, boolean restartAvailable,
			@Nullable String restartUnavailableReason) {

	}

	/**
	 * The answer to a restart.
	 *
	 * @param outcome always {@code restarting}: the restart has begun
	 * @param released the number of parked calls released with their original exceptions
	 */
	public record RestartDescriptor(String outcome, int released) {

	}

	/**
	 * An error answer to a command.
	 *
	 * @param error what happened and what to do
	 */
	public record CommandErrorDescriptor(String error) {

	}

	/**
	 * An error answer.
	 *
	 * @param error what happened and what to do
	 * @param id the id the request named, if any
	 */
	public record ErrorDescriptor(String error, String id) {

	}

	/**
	 * The answer to a continue whose reload was refused; the call stays parked.
	 *
	 * @param error the whole story in one message
	 * @param id the id of the call
	 * @param refusals for every refused change: the class, the member and the cause
	 * @param advice what to do
	 */
	public record RefusedReloadDescriptor(String error, String id, List<ReloadNoteDescriptor> refusals, String advice) {

	}

	/**
	 * The answer to a continue that found a class file it cannot load; the call stays
	 * parked.
	 *
	 * @param error the whole story in one message
	 * @param id the id of the call
	 * @param files the rejected class files
	 */
	public record RejectedClassFilesDescriptor(String error, String id, List<RejectedClassFileDescriptor> files) {

	}

	/**
	 * A class file that cannot be loaded.
	 *
	 * @param className the binary name of its class
	 * @param file the path of the class file
	 * @param cause why it cannot be loaded
	 */
	public record RejectedClassFileDescriptor(String className, String file, String cause) {

	}

}

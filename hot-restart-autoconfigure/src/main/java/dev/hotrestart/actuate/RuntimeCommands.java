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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.hotrestart.devtools.RestartAction;
import dev.hotrestart.devtools.RestartUnavailableException;
import dev.hotrestart.resume.ResumeOnSave;

/**
 * The endpoint's operations that concern no single call: the settings switchable at run
 * time ({@code GET /actuator/hotrestart/settings}), resume on save
 * ({@code POST /actuator/hotrestart/auto-continue/on} or {@code off}) and a DevTools
 * restart ({@code POST /actuator/hotrestart/restart}). Either collaborator may be absent,
 * in which case its operations answer 409 saying so. Thread-safe.
 *
 * @author hot-restart authors
 */
final class RuntimeCommands {

	private final @Nullable ResumeOnSave resumeOnSave;

	private final @Nullable RestartAction restartAction;

	RuntimeCommands(@Nullable ResumeOnSave resumeOnSave, @Nullable RestartAction restartAction) {
		this.resumeOnSave = resumeOnSave;
		this.restartAction = restartAction;
	}

	WebEndpointResponse<Object> autoContinue(String action) {
		if (this.resumeOnSave == null) {
			return EndpointErrors.error(EndpointErrors.STATUS_CONFLICT, "Resume on save is not configured.");
		}
		return switch (action) {
			case "on", "off" -> {
				this.resumeOnSave.setEnabled("on".equals(action));
				yield new WebEndpointResponse<>(settings());
			}
			default -> EndpointErrors.error(WebEndpointResponse.STATUS_BAD_REQUEST, "Unknown setting '" + action
					+ "'. POST /actuator/hotrestart/auto-continue/on or /actuator/hotrestart/auto-continue/off.");
		};
	}

	WebEndpointResponse<Object> restart() {
		if (this.restartAction == null) {
			return EndpointErrors.error(EndpointErrors.STATUS_CONFLICT, "Restart is not configured.");
		}
		try {
			return new WebEndpointResponse<>(new RestartDescriptor("restarting", this.restartAction.restart()));
		}
		catch (RestartUnavailableException ex) {
			return EndpointErrors.error(EndpointErrors.STATUS_CONFLICT, ex.getMessage());
		}
	}

	WebEndpointResponse<Object> unknown(String command) {
		return EndpointErrors.error(WebEndpointResponse.STATUS_BAD_REQUEST,
				"Unknown command '" + command
						+ "'. POST /actuator/hotrestart/restart, /actuator/hotrestart/auto-continue/on (or /off), or "
						+ "/actuator/hotrestart/{id}/continue.");
	}

	SettingsDescriptor settings() {
		boolean autoContinue = this.resumeOnSave != null && this.resumeOnSave.isEnabled();
		String restartUnavailable = (this.restartAction != null) ? this.restartAction.unavailableReason()
				: "Restart is not configured.";
		return new SettingsDescriptor(autoContinue, restartUnavailable == null, restartUnavailable);
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

}

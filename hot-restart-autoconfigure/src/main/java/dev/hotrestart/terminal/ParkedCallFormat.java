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

package dev.hotrestart.terminal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.hotrestart.park.AttemptFailure;
import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.reload.ApplicationCode;

/**
 * Renders parked calls as text for the terminal: one line each for a list, a block with
 * the arguments, the exception and the first frame of the application's own code when a
 * call parks. Thread-safe.
 *
 * @author hot-restart authors
 */
public class ParkedCallFormat {

	private static final int MAX_LINE = 300;

	private static final int MAX_CAUSES = 16;

	private final ApplicationCode applicationCode;

	private final Clock clock;

	/**
	 * Create a format.
	 * @param applicationCode tells the application's stack frames from the others
	 */
	public ParkedCallFormat(ApplicationCode applicationCode) {
		this(applicationCode, Clock.systemUTC());
	}

	ParkedCallFormat(ApplicationCode applicationCode, Clock clock) {
		this.applicationCode = applicationCode;
		this.clock = clock;
	}

	/**
	 * Return the block printed when a call parks.
	 * @param call the new parked call
	 * @return the block, several lines
	 */
	public String parked(ParkedCall call) {
		CallSite site = call.getSite();
		AttemptFailure failure = call.getFailure();
		String id = call.getId();
		String arguments = site.arguments().isEmpty() ? "(none)" : abbreviate(String.join(", ", site.arguments()));
		return TerminalCommands.PREFIX + "Call " + id + " parked: " + site.method() + "\n  arguments: " + arguments
				+ "\n  exception: " + exceptionLine(failure.exception()) + applicationFrame(failure.exception())
				+ "\n  Fix and recompile, " + "then type: continue " + id + " (c), abort " + id + " (a), list (l)";
	}

	/**
	 * Return the line for a call in a list: id, method, attempt, exception, state and how
	 * long it has waited.
	 * @param call the call
	 * @return the line
	 */
	public String summary(ParkedCall call) {
		AttemptFailure failure = call.getFailure();
		long seconds = Duration.between(failure.parkedAt(), this.clock.instant()).toSeconds();
		return call.getId() + "  " + call.getSite().method() + "  attempt " + failure.attempt() + "  "
				+ exceptionLine(failure.exception()) + "  (" + call.getState().value() + ", " + seconds + " s)";
	}

	/**
	 * Return the first frame of the application's own code in the exception's stack
	 * trace, or of its causes, as a line to append.
	 * @param exception the exception
	 * @return {@code "\n  at ..."}, or the empty string if no frame is the application's
	 */
	String applicationFrame(Throwable exception) {
		Throwable current = exception;
		for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
			for (StackTraceElement frame : current.getStackTrace()) {
				if (this.applicationCode.contains(frame.getClassName())) {
					return "\n  at " + frame;
				}
			}
		}
		return "";
	}

	/**
	 * Return an exception as one line: its type and message.
	 * @param exception the exception
	 * @return the line, bounded in length
	 */
	static String exceptionLine(Throwable exception) {
		String message = exception.getMessage();
		return abbreviate(exception.getClass().getName() + ((message != null) ? ": " + message : ""));
	}

	private static String abbreviate(String text) {
		String line = String.join(" ", List.of(text.split("\\R")));
		return (line.length() > MAX_LINE) ? line.substring(0, MAX_LINE) + "..." : line;
	}

}

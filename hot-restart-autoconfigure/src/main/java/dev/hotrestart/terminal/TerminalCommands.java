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

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.park.AttemptOutcome;
import dev.hotrestart.park.NoSuchParkedCallException;
import dev.hotrestart.park.Outcome;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkedCallBusyException;
import dev.hotrestart.park.ParkedCallFinishedException;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassFileRejectedException;
import dev.hotrestart.reload.InstrumentationUnavailableException;
import dev.hotrestart.reload.ReloadNote;
import dev.hotrestart.reload.ReloadRefusedException;
import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.resume.ContinueResult;
import dev.hotrestart.resume.ParkedCallActions;

/**
 * The terminal's commands, as a developer types them on standard input:
 * {@code continue [ID]} ({@code c}), {@code abort [ID]} ({@code a}), {@code list}
 * ({@code l}) and {@code help} ({@code h}). Without an id, continue and abort apply to
 * the call that has waited longest. Every command goes through {@link ParkedCallActions},
 * and its answer names the outcome as the endpoint does ({@code resumed},
 * {@code parked-again}, {@code failed}, {@code running}, {@code aborted}); a refused
 * reload lists its reasons and a broken class file its file, and the call stays parked.
 * Bad input gets an answer that says what to type.
 * <p>
 * Stateless apart from its collaborators; thread-safe.
 *
 * @author hot-restart authors
 */
public class TerminalCommands {

	static final String PREFIX = "[hot-restart] ";

	static final String USAGE = "Commands: continue [ID] (c), abort [ID] (a), list (l), help (h). "
			+ "Without an ID, continue and abort take the call that has waited longest.";

	private final ParkingLot parkingLot;

	private final ParkedCallActions actions;

	private final ParkedCallFormat format;

	/**
	 * Create the commands.
	 * @param parkingLot the parked calls, to list
	 * @param actions continue and abort
	 * @param format renders parked calls
	 */
	public TerminalCommands(ParkingLot parkingLot, ParkedCallActions actions, ParkedCallFormat format) {
		this.parkingLot = parkingLot;
		this.actions = actions;
		this.format = format;
	}

	/**
	 * Run one line of input.
	 * @param line the line as typed
	 * @return what to print, or the empty string for a blank line
	 */
	public String run(String line) {
		List<String> words = Arrays.stream(line.trim().split("\\s+")).filter((word) -> !word.isEmpty()).toList();
		if (words.isEmpty()) {
			return "";
		}
		String command = words.get(0).toLowerCase(Locale.ROOT);
		if (words.size() > 2) {
			return PREFIX + "Too many words in '" + line.trim() + "'. " + USAGE;
		}
		String id = (words.size() == 2) ? words.get(1) : null;
		return switch (command) {
			case "continue", "c" -> continueCall(id);
			case "abort", "a" -> abort(id);
			case "list", "l" -> (id == null) ? list() : PREFIX + "list takes no ID. " + USAGE;
			case "help", "h", "?" -> PREFIX + USAGE;
			default -> PREFIX + "Unknown command '" + words.get(0) + "'. " + USAGE;
		};
	}

	private String continueCall(@Nullable String requested) {
		String id = (requested != null) ? requested : oldestWaiting();
		if (id == null) {
			return nothingParked();
		}
		try {
			return describe(this.actions.continueCall(id));
		}
		catch (RuntimeException ex) {
			return failure(id, ex);
		}
	}

	private String abort(@Nullable String requested) {
		String id = (requested != null) ? requested : oldestWaiting();
		if (id == null) {
			return nothingParked();
		}
		try {
			this.actions.abort(id);
			return PREFIX + "Call " + id + ": " + Outcome.ABORTED.value() + ". Its caller got the original exception.";
		}
		catch (RuntimeException ex) {
			return failure(id, ex);
		}
	}

	private @Nullable String oldestWaiting() {
		return this.parkingLot.getCalls()
			.stream()
			.filter(ParkedCall::isWaiting)
			.map(ParkedCall::getId)
			.findFirst()
			.orElse(null);
	}

	private String list() {
		List<ParkedCall> calls = this.parkingLot.getCalls();
		if (calls.isEmpty()) {
			return nothingParked();
		}
		return PREFIX + calls.size() + " parked " + ((calls.size() == 1) ? "call" : "calls") + ":\n"
				+ calls.stream().map((call) -> "  " + this.format.summary(call)).collect(Collectors.joining("\n"));
	}

	private String describe(ContinueResult result) {
		String call = PREFIX + "Call " + result.id() + ": ";
		String reloaded = reloaded(result.reload());
		AttemptOutcome outcome = result.outcome();
		if (outcome instanceof AttemptOutcome.Resumed) {
			return call + Outcome.RESUMED.value() + ". " + reloaded + " Its caller got the answer.";
		}
		if (outcome instanceof AttemptOutcome.ParkedAgain again) {
			return call + Outcome.PARKED_AGAIN.value() + " (attempt " + again.failure().attempt() + "). " + reloaded
					+ "\n  exception: " + ParkedCallFormat.exceptionLine(again.failure().exception())
					+ this.format.applicationFrame(again.failure().exception())
					+ "\n  Fix and recompile, then continue again, or abort.";
		}
		if (outcome instanceof AttemptOutcome.Failed failed) {
			return call + Outcome.FAILED.value() + ". " + reloaded + " Its caller got "
					+ ParkedCallFormat.exceptionLine(failed.exception()) + ", which does not park.";
		}
		return call + Outcome.RUNNING.value() + ". " + reloaded
				+ " It is still running; if it fails again, it parks as the next attempt.";
	}

	private static String reloaded(ReloadResult reload) {
		StringBuilder text = new StringBuilder(reload.reloaded().isEmpty() ? "No class needed reloading."
				: "Reloaded " + names(reload.reloaded()) + ".");
		for (ReloadNote warning : reload.warnings()) {
			text.append("\n  warning: ").append(warning.describe());
		}
		return text.toString();
	}

	private static String names(List<String> classNames) {
		return classNames.stream()
			.map((name) -> name.substring(name.lastIndexOf('.') + 1))
			.collect(Collectors.joining(", "));
	}

	private String failure(String id, RuntimeException ex) {
		String call = PREFIX + "Call " + id + ": ";
		if (ex instanceof NoSuchParkedCallException) {
			return PREFIX + "No parked call has ID '" + id + "'. Type list (l) to see the parked calls.";
		}
		if (ex instanceof ParkedCallFinishedException) {
			return PREFIX + ex.getMessage().replace("GET /actuator/hotrestart lists", "Type list (l) to see");
		}
		if (ex instanceof ParkedCallBusyException busy) {
			return PREFIX + "Call " + busy.getId() + " is " + busy.getState().value()
					+ ", not waiting. Wait until it parks again, then continue or abort it.";
		}
		if (ex instanceof ReloadRefusedException refused) {
			return call + "refused; the call stays parked. The JVM cannot apply these changes:"
					+ refused.getRefusals()
						.stream()
						.map((refusal) -> "\n  - " + refusal.className() + ": " + refusal.describe())
						.collect(Collectors.joining())
					+ "\n  " + refused.getAdvice();
		}
		if (ex instanceof ClassFileRejectedException rejected) {
			return call + "a class file cannot be loaded; the call stays parked. Continue again once the build "
					+ "has finished:"
					+ rejected.getFiles()
						.stream()
						.map((file) -> "\n  - " + file.file() + " (" + file.className() + "): " + file.cause())
						.collect(Collectors.joining());
		}
		if (ex instanceof InstrumentationUnavailableException) {
			return call + ex.getMessage();
		}
		throw ex;
	}

	private static String nothingParked() {
		return PREFIX + "Nothing is parked.";
	}

}

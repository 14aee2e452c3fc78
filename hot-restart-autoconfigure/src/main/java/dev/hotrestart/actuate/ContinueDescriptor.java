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

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.park.AttemptOutcome;
import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.ReloadNote;
import dev.hotrestart.resume.ContinueResult;

/**
 * The answer to a continue.
 *
 * @param id the id of the continued call
 * @param outcome {@code resumed} (the caller got the method's result),
 * {@code parked-again} (the method failed again and waits as the next attempt),
 * {@code failed} (it failed with an exception that does not park, which the caller got)
 * or {@code running} (still running when the continue stopped waiting)
 * @param reloaded the classes redefined before the call ran again
 * @param notLoaded changed classes not loaded yet, which need no redefinition
 * @param warnings what the reload did not do, for example a changed static initialiser
 * whose new values will not take effect
 * @param attempt the attempt the call parked as, for {@code parked-again}
 * @param exception the new exception, for {@code parked-again} and {@code failed}
 * @author hot-restart authors
 */
public record ContinueDescriptor(String id, String outcome, List<String> reloaded, List<String> notLoaded,
		List<ReloadNoteDescriptor> warnings, @Nullable Integer attempt, @Nullable ExceptionDescriptor exception) {

	static ContinueDescriptor of(ContinueResult result, ApplicationCode applicationCode) {
		List<ReloadNoteDescriptor> warnings = ReloadNoteDescriptor.of(result.reload().warnings());
		Integer attempt = null;
		Throwable exception = null;
		if (result.outcome() instanceof AttemptOutcome.ParkedAgain parkedAgain) {
			attempt = parkedAgain.failure().attempt();
			exception = parkedAgain.failure().exception();
		}
		else if (result.outcome() instanceof AttemptOutcome.Failed failed) {
			exception = failed.exception();
		}
		return new ContinueDescriptor(result.id(), result.kind().value(), result.reload().reloaded(),
				result.reload().notLoaded(), warnings, attempt,
				(exception != null) ? ExceptionDescriptor.of(exception, applicationCode) : null);
	}

	/**
	 * A refusal or a warning about one class.
	 *
	 * @param className the binary name of the class
	 * @param member the member, qualified with the simple class name, for example
	 * {@code QuoteService.quote(String,int)}
	 * @param cause what changed and why it matters
	 */
	public record ReloadNoteDescriptor(String className, String member, String cause) {

		static List<ReloadNoteDescriptor> of(List<ReloadNote> notes) {
			return notes.stream()
				.map((note) -> new ReloadNoteDescriptor(note.className(), note.member(), note.cause()))
				.toList();
		}

	}

}

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

import org.jspecify.annotations.Nullable;

import dev.hotrestart.park.AttemptOutcome;
import dev.hotrestart.park.Outcome;
import dev.hotrestart.reload.ReloadResult;

/**
 * What a continue did: which classes it reloaded, and what the call did when it ran
 * again.
 *
 * @param id the id of the continued call
 * @param reload the classes reloaded before the call ran again
 * @param outcome what the new attempt did, or {@code null} if it was still running when
 * the continue stopped waiting
 * @author hot-restart authors
 */
public record ContinueResult(String id, ReloadResult reload, @Nullable AttemptOutcome outcome) {

	/**
	 * Return what the new attempt did, in the words the endpoint uses.
	 * @return {@link Outcome#RESUMED}, {@link Outcome#PARKED_AGAIN},
	 * {@link Outcome#FAILED} or, while it still runs, {@link Outcome#RUNNING}
	 */
	public Outcome kind() {
		return (this.outcome != null) ? this.outcome.outcome() : Outcome.RUNNING;
	}

}

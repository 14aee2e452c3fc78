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

package dev.hotrestart.reload;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the changed classes cannot be redefined in this JVM: nothing was reloaded
 * (all changed classes go in one redefinition, which the JVM applies in full or not at
 * all), and the parked call stays parked. Says for every refused class which member
 * changed how, and what to do.
 *
 * @author hot-restart authors
 */
public class ReloadRefusedException extends ReloadException {

	private final List<ReloadNote> refusals;

	private final String advice;

	/**
	 * Create an exception.
	 * @param refusals why, for each refused change
	 * @param advice what the developer can do
	 * @param cause the JVM's own refusal, if it came to that
	 */
	public ReloadRefusedException(List<ReloadNote> refusals, String advice, @Nullable Throwable cause) {
		super(summary(refusals) + " " + advice, cause);
		this.refusals = List.copyOf(refusals);
		this.advice = advice;
	}

	private static String summary(List<ReloadNote> refusals) {
		return "The changes cannot be applied in this JVM: "
				+ refusals.stream().map(ReloadNote::describe).collect(Collectors.joining("; ")) + ".";
	}

	/**
	 * Return what was refused, in one sentence, without the advice: the message is this
	 * followed by {@link #getAdvice()}.
	 * @return the refused changes
	 */
	public String getSummary() {
		return summary(this.refusals);
	}

	/**
	 * Return why the changes cannot be applied.
	 * @return one note for each refused change
	 */
	public List<ReloadNote> getRefusals() {
		return this.refusals;
	}

	/**
	 * Return what the developer can do.
	 * @return the advice
	 */
	public String getAdvice() {
		return this.advice;
	}

	/**
	 * Return the classes whose changes were refused.
	 * @return their binary names
	 */
	public List<String> getClassNames() {
		return this.refusals.stream().map(ReloadNote::className).distinct().toList();
	}

}

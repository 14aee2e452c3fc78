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

/**
 * Why a class could not be reloaded, or what a reload did not do: the class, the member
 * the developer changed, and the cause in the words of what they wrote, for example
 * {@code QuoteService.quote(String,int)}: "a new lambda adds method lambda$quote$0, and
 * this JVM cannot add methods".
 *
 * @param className the binary name of the class
 * @param member the member the note is about, qualified with the simple class name, for
 * example {@code QuoteService.quote(String,int)}, {@code QuoteService.cache}, or just
 * {@code QuoteService} for the class itself
 * @param cause what changed and why it matters
 * @author hot-restart authors
 */
public record ReloadNote(String className, String member, String cause) {

	/**
	 * Return the note as one line, {@code member: cause}.
	 * @return the description
	 */
	public String describe() {
		return this.member + ": " + this.cause;
	}

}

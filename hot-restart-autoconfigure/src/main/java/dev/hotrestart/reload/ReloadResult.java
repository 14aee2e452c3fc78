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

/**
 * What a reload did.
 *
 * @param reloaded the classes redefined in the running JVM
 * @param notLoaded changed classes that no class loader has loaded yet: they need
 * nothing, as they will be loaded from the new class file
 * @param warnings what the reload did not do: a changed static initialiser or constant
 * that will not take effect, a class not loaded yet, a class loaded by more than one
 * class loader
 * @author hot-restart authors
 */
public record ReloadResult(List<String> reloaded, List<String> notLoaded, List<ReloadNote> warnings) {

	/**
	 * Return the result of a reload that found no changed class file, or did not look.
	 * @return an empty result
	 */
	public static ReloadResult nothingChanged() {
		return new ReloadResult(List.of(), List.of(), List.of());
	}

	/**
	 * Return whether the reload found any changed class file, loaded or not.
	 * @return {@code false} when nothing changed since the last reload
	 */
	public boolean hasChanges() {
		return !this.reloaded.isEmpty() || !this.notLoaded.isEmpty();
	}

}

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

import dev.hotrestart.compile.CompiledSources;
import dev.hotrestart.reload.ReloadResult;

/**
 * What a compile and reload did with what was saved: the sources compiled, and the
 * classes reloaded.
 *
 * @param compiled the saved sources compiled, if any
 * @param reload the classes reloaded
 * @author hot-restart authors
 */
public record SavedChange(CompiledSources compiled, ReloadResult reload) {

	/**
	 * Return the result of a look that found nothing to compile or reload, or did not
	 * look.
	 * @return an empty result
	 */
	public static SavedChange none() {
		return new SavedChange(CompiledSources.none(), ReloadResult.nothingChanged());
	}

	/**
	 * Return whether anything was compiled or any class file changed.
	 * @return {@code false} when nothing was saved since the last look
	 */
	public boolean hasChanges() {
		return this.compiled.hasCompiled() || this.reload.hasChanges();
	}

}

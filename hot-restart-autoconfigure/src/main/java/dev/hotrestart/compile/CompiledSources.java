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

package dev.hotrestart.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * What compiling the changed sources did.
 *
 * @param sources the source files compiled
 * @param classFiles the class files written into the class directories
 * @author hot-restart authors
 */
public record CompiledSources(List<Path> sources, List<Path> classFiles) {

	/**
	 * Return the result of a look that found no source to compile.
	 * @return an empty result
	 */
	public static CompiledSources none() {
		return new CompiledSources(List.of(), List.of());
	}

	/**
	 * Return whether any source was compiled.
	 * @return {@code false} when no saved source needed compiling
	 */
	public boolean hasCompiled() {
		return !this.sources.isEmpty();
	}

}

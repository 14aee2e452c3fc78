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

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A source directory, and the class directory the build compiles it into.
 *
 * @param directory the source directory, absolute and normalised
 * @param classDirectory the class directory its classes are compiled into, or
 * {@code null} when that is not known (a configured source directory that follows no
 * known layout): its classes are then written where their class files already are, and a
 * new class into the first class directory
 * @author hot-restart authors
 * @see SourceFiles
 */
public record SourceRoot(Path directory, @Nullable Path classDirectory) {

	/**
	 * Return the path of a source file inside this directory, with {@code /} as
	 * separator, for example {@code com/example/QuoteService.java}.
	 * @param file a source file in this directory
	 * @return its relative path
	 */
	public String relativePath(Path file) {
		return this.directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
	}

}

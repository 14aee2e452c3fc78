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

import dev.hotrestart.reload.SourceRoot;

/**
 * A saved source file whose content differs from the one the running classes were
 * compiled from.
 *
 * @param file the source file, absolute
 * @param root the source directory it is in
 * @param language its language
 * @param fingerprint its content as read now
 * @author hot-restart authors
 */
record ChangedSource(Path file, SourceRoot root, SourceLanguage language, SourceFingerprint fingerprint) {

	/**
	 * Return the file's name, as messages name it.
	 * @return for example {@code QuoteService.java}
	 */
	String fileName() {
		return this.file.getFileName().toString();
	}

	/**
	 * Return the binary name of the top-level class named after the file.
	 * @return for example {@code com.example.QuoteService}
	 */
	String className() {
		String path = classFilePath();
		return path.substring(0, path.length() - ".class".length()).replace('/', '.');
	}

	/**
	 * Return the path of the class file compiled from this source (of its top-level class
	 * named after the file), relative to a class directory.
	 * @return for example {@code com/example/QuoteService.class}
	 */
	String classFilePath() {
		String relative = this.root.relativePath(this.file);
		return relative.substring(0, relative.length() - this.language.suffix().length()) + ".class";
	}

}

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

package dev.hotrestart.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import dev.hotrestart.testsupport.Javac;
import dev.hotrestart.testsupport.Javac.JavaSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edit of one of the sample's classes with a deliberate bug, made to its
 * {@link PristineSources pristine source} and compiled with {@code javax.tools} into a
 * class directory the way an IDE build or {@code mvn compile} would, or only saved into a
 * source directory, as a plain text editor saves it.
 *
 * @param className the binary name of the edited class
 * @param source the edited source
 */
record SourceFix(String className, String source) {

	/**
	 * Edit the pristine source of {@code className} by replacing {@code buggy} with
	 * {@code fixed}; the source must contain {@code buggy} exactly once.
	 * @see PristineSources
	 */
	static SourceFix of(String className, String buggy, String fixed) {
		return edit(className, PristineSources.source(className), buggy, fixed);
	}

	/**
	 * Edit the source of {@code className} under {@code sourceRoot}, such as one of the
	 * test applications, by replacing {@code buggy} with {@code fixed}; the source must
	 * contain {@code buggy} exactly once.
	 */
	static SourceFix of(Path sourceRoot, String className, String buggy, String fixed) throws IOException {
		return edit(className, Files.readString(sourceRoot.resolve(className.replace('.', '/') + ".java")), buggy,
				fixed);
	}

	private static SourceFix edit(String className, String original, String buggy, String fixed) {
		assertThat(original.split(Pattern.quote(buggy), -1)).as("occurrences of the bug in " + className).hasSize(2);
		return new SourceFix(className, original.replace(buggy, fixed));
	}

	/**
	 * Save the edited source into {@code sourcesDirectory}, as a plain text editor does:
	 * nothing is compiled.
	 * @param sourcesDirectory the source directory of the running application
	 * @return the saved source file
	 */
	Path saveInto(Path sourcesDirectory) throws IOException {
		Path file = sourcesDirectory.resolve(this.className.replace('.', '/') + ".java");
		Files.writeString(file, this.source);
		return file;
	}

	/**
	 * Compile the edited source into {@code classesDirectory}.
	 * @param classesDirectory the class directory of the running application
	 * @param classPath the class path to compile against
	 */
	void compileInto(Path classesDirectory, String classPath) {
		Javac.withClassPath(classPath).compile(classesDirectory, new JavaSource(this.className, this.source));
	}

}

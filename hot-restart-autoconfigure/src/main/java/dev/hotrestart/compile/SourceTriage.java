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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.hotrestart.reload.ClassFileWalker;

/**
 * Decides which changed sources hot restart must compile, and whether it can: a source
 * whose class file a build wrote after it was saved is compiled already (an IDE compiles
 * on save); a source in another language than Java, or one that needs an annotation
 * processor missing from the class path, cannot be compiled here.
 * <p>
 * Thread-safe.
 *
 * @author hot-restart authors
 */
final class SourceTriage {

	private final ClassFileOutput output;

	private final AnnotationProcessors processors;

	SourceTriage(ClassFileOutput output, AnnotationProcessors processors) {
		this.output = output;
		this.processors = processors;
	}

	/**
	 * Return whether a build compiled a changed source after it was saved: its class file
	 * was written since, and not by hot restart.
	 * @param source the changed source
	 * @return {@code true} if there is nothing to compile
	 */
	boolean isCompiledByBuild(ChangedSource source) {
		long saved = source.fingerprint().lastModified();
		List<Path> directories = this.output.classDirectoriesOf(source.root());
		if (source.language() == SourceLanguage.JAVA) {
			for (Path directory : directories) {
				Path classFile = directory.resolve(source.classFilePath());
				BasicFileAttributes attributes = ClassFileOutput.attributes(classFile);
				if (attributes != null) {
					return isWrittenByBuildSince(classFile, attributes, saved);
				}
			}
			return false;
		}
		// Other languages do not name their class files after the source: any class file
		// a build wrote since tells that it ran
		AtomicBoolean built = new AtomicBoolean();
		ClassFileWalker.walk(directories, (file, attributes) -> {
			if (isWrittenByBuildSince(file, attributes, saved)) {
				built.set(true);
			}
		});
		return built.get();
	}

	private boolean isWrittenByBuildSince(Path classFile, BasicFileAttributes attributes, long saved) {
		return attributes.lastModifiedTime().toMillis() > saved && !this.output.wroteLast(classFile, attributes);
	}

	/**
	 * Check that the given sources can be compiled here.
	 * @param sources the sources to compile
	 * @throws CompileUnavailableException if they cannot
	 */
	void checkCompilable(List<ChangedSource> sources) {
		List<ChangedSource> others = sources.stream()
			.filter((source) -> source.language() != SourceLanguage.JAVA)
			.toList();
		if (!others.isEmpty()) {
			throw CompileUnavailableException.otherLanguages(others.stream()
				.map((source) -> source.fileName() + " (" + source.language().displayName() + ")")
				.toList());
		}
		for (ChangedSource source : sources) {
			String missing = this.processors.missingFor(source.fileName(), read(source.file()));
			if (missing != null) {
				throw new CompileUnavailableException(missing);
			}
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read source file " + file, ex);
		}
	}

}

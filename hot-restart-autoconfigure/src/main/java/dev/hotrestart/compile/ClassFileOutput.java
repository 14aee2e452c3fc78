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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.SourceRoot;

/**
 * Writes compiled classes into the application's class directories, as an IDE build
 * would: over the class file the build wrote for the class, or, for a new class, into the
 * class directory its source directory is compiled into. Remembers what it wrote, so that
 * a class file it wrote is not mistaken for one an IDE wrote later.
 * <p>
 * Thread-safe.
 *
 * @author hot-restart authors
 */
final class ClassFileOutput {

	private final ApplicationCode applicationCode;

	private final Map<Path, Stamp> written = new HashMap<>();

	ClassFileOutput(ApplicationCode applicationCode) {
		this.applicationCode = applicationCode;
	}

	/**
	 * Write the given classes.
	 * @param classes the compiled classes
	 * @param sourceRoots the source directory of each compiled source file
	 * @param fallback the class directory for a new class whose source directory has no
	 * known class directory (a class an annotation processor generated, for example)
	 * @return the class files written
	 * @throws UncheckedIOException if a class file cannot be written
	 */
	synchronized List<Path> write(List<CompiledClass> classes, Map<Path, SourceRoot> sourceRoots, Path fallback) {
		List<Path> files = new ArrayList<>();
		for (CompiledClass compiled : classes) {
			Path file = target(compiled, sourceRoots, fallback);
			try {
				Files.createDirectories(file.getParent());
				Files.write(file, compiled.bytes());
				BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
				this.written.put(file, Stamp.of(attributes));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not write class file " + file, ex);
			}
			files.add(file);
		}
		return files;
	}

	/**
	 * Return whether hot restart wrote a class file as it is now.
	 * @param file a class file
	 * @param attributes its attributes
	 * @return {@code true} if this output wrote it and nothing has written it since
	 */
	synchronized boolean wroteLast(Path file, BasicFileAttributes attributes) {
		return Stamp.of(attributes).equals(this.written.get(file));
	}

	private Path target(CompiledClass compiled, Map<Path, SourceRoot> sourceRoots, Path fallback) {
		Path existing = this.applicationCode.classFile(compiled.className()).orElse(null);
		if (existing != null) {
			return existing.toAbsolutePath().normalize();
		}
		SourceRoot root = (compiled.source() != null) ? sourceRoots.get(compiled.source()) : null;
		Path directory = (root != null && root.classDirectory() != null) ? root.classDirectory() : fallback;
		return directory.resolve(compiled.className().replace('.', '/') + ".class");
	}

	/**
	 * Return the class directories classes may be written to.
	 * @return the application's class directories
	 */
	List<Path> classDirectories() {
		return this.applicationCode.getDirectories();
	}

	/**
	 * Return the class directories the classes of a source directory may be in.
	 * @param root the source directory
	 * @return its class directory, or all of them when it has no known one
	 */
	List<Path> classDirectoriesOf(SourceRoot root) {
		return (root.classDirectory() != null) ? List.of(root.classDirectory()) : classDirectories();
	}

	/**
	 * Return the class directory a new class of a source directory goes to.
	 * @param root the source directory
	 * @return its class directory, or the application's first
	 * @throws CompileUnavailableException if the application has no class directory
	 */
	Path defaultClassDirectoryOf(SourceRoot root) {
		if (root.classDirectory() != null) {
			return root.classDirectory();
		}
		List<Path> directories = classDirectories();
		if (directories.isEmpty()) {
			throw new CompileUnavailableException(
					"The application runs from no class directory, so there is nowhere to compile saved sources to.");
		}
		return directories.get(0);
	}

	/**
	 * Return the attributes of a file, or {@code null} if it does not exist.
	 */
	static @Nullable BasicFileAttributes attributes(Path file) {
		try {
			return Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private record Stamp(long lastModified, long size) {

		static Stamp of(BasicFileAttributes attributes) {
			return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size());
		}

	}

}

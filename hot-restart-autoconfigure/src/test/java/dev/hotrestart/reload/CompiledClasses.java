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

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.hotrestart.testsupport.Javac;
import dev.hotrestart.testsupport.Javac.JavaSource;

/**
 * A class directory of a test: compiles Java sources into it with the JDK's compiler, as
 * an IDE or {@code mvn compile} would, and loads its classes through real class loaders.
 * <p>
 * Every compilation stamps the class files it wrote with a modification time of its own,
 * later than that of any earlier compilation: two compilations within the file system's
 * time resolution would otherwise leave same-sized class files with the same time, a
 * change a build would never produce.
 *
 * @author hot-restart authors
 */
public final class CompiledClasses {

	// Whole seconds, two apart: coarser than any file system's time resolution
	private static final long STAMP_STEP = Duration.ofSeconds(2).toMillis();

	private static final AtomicLong lastStamp = new AtomicLong(
			(System.currentTimeMillis() - Duration.ofDays(1).toMillis()) / 1000 * 1000);

	private final Path directory;

	/**
	 * Create a class directory under the given root.
	 * @param root a temporary directory
	 */
	public CompiledClasses(Path root) {
		this.directory = root.resolve("classes");
		try {
			Files.createDirectories(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the class directory.
	 * @return the directory class files are written to
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Compile a source file into the class directory, replacing the class files of
	 * earlier compilations.
	 * @param className the binary name of the top-level class
	 * @param source its source
	 */
	public void compile(String className, String source) {
		Javac.withClassPathOfThisJvm().compile(this.directory, new JavaSource(className, source));
		stamp(className);
	}

	private void stamp(String className) {
		Path file = classFile(className);
		String nestedPrefix = file.getFileName().toString().replace(".class", "$");
		FileTime time = FileTime.fromMillis(lastStamp.addAndGet(STAMP_STEP));
		try (Stream<Path> siblings = Files.list(file.getParent())) {
			for (Path sibling : siblings.toList()) {
				String name = sibling.getFileName().toString();
				if (sibling.equals(file) || (name.startsWith(nestedPrefix) && name.endsWith(".class"))) {
					Files.setLastModifiedTime(sibling, time);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Compile a source file into the class directory with the given debugging options
	 * instead of {@code -g -parameters} (none at all, say), against the class directory
	 * and the test's class path.
	 * @param className the binary name of the top-level class
	 * @param source its source
	 * @param debugOptions the debugging options
	 */
	public void compileWith(String className, String source, String... debugOptions) {
		Javac.withClassPath(this.directory + File.pathSeparator + System.getProperty("java.class.path", ""))
			.withDebugOptions(debugOptions)
			.compile(this.directory, new JavaSource(className, source));
	}

	/**
	 * Return the class file of a class.
	 * @param className the binary name
	 * @return its path in the class directory
	 */
	public Path classFile(String className) {
		return this.directory.resolve(className.replace('.', '/') + ".class");
	}

	/**
	 * Return a new class loader for the class directory, parent-first with the test's
	 * class loader as parent.
	 * @return the class loader
	 */
	public URLClassLoader newClassLoader() {
		try {
			return new URLClassLoader(new URL[] { this.directory.toUri().toURL() },
					CompiledClasses.class.getClassLoader());
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return a baseline of the class directory that takes every file as loaded, recorded
	 * now.
	 * @return the recorded baseline
	 */
	public ClassFileBaseline recordBaseline() {
		ClassFileBaseline baseline = new ClassFileBaseline(List.of(this.directory), Long.MAX_VALUE);
		baseline.record();
		return baseline;
	}

}

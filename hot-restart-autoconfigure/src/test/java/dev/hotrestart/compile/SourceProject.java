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

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.SourceFiles;

/**
 * A small Maven project of a test: Java sources in {@code src/main/java}, built with the
 * JDK's compiler into {@code target/classes} as {@code mvn compile} would, and saved by
 * an "editor" that only writes the source files. The build's files are dated a while
 * back, as those of an application that has been running for some time.
 *
 * @author hot-restart authors
 */
public final class SourceProject {

	private static final long BUILT_AGO_MILLIS = 60_000;

	private final Path sources;

	private final Path classes;

	/**
	 * Create an empty project under the given directory.
	 * @param root a temporary directory
	 */
	public SourceProject(Path root) {
		this.sources = root.resolve("src/main/java").toAbsolutePath().normalize();
		this.classes = root.resolve("target/classes").toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.sources);
			Files.createDirectories(this.classes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the source directory.
	 * @return {@code src/main/java}
	 */
	public Path sources() {
		return this.sources;
	}

	/**
	 * Return the class directory.
	 * @return {@code target/classes}
	 */
	public Path classes() {
		return this.classes;
	}

	/**
	 * Write a source file and build it with the given options, as the application's build
	 * did before it started.
	 * @param className the binary name of the top-level class
	 * @param source its source
	 * @param options javac options, such as {@code --release 17 -parameters -g}
	 */
	public void build(String className, String source, String... options) {
		Path file = sourceFile(className);
		write(file, source);
		List<String> arguments = new ArrayList<>(List.of("-d", this.classes.toString(), "-cp",
				System.getProperty("java.class.path") + File.pathSeparator + this.classes));
		arguments.addAll(List.of(options));
		if (!arguments.contains("-processorpath") && !arguments.contains("--processor-path")) {
			arguments.add("-proc:none");
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StringWriter output = new StringWriter();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null,
				StandardCharsets.UTF_8)) {
			boolean compiled = compiler
				.getTask(output, fileManager, null, arguments, null, fileManager.getJavaFileObjects(file))
				.call();
			if (!compiled) {
				throw new IllegalStateException("Could not build " + className + ":\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long built = System.currentTimeMillis() - BUILT_AGO_MILLIS;
		setLastModified(file, built - BUILT_AGO_MILLIS);
		try (Stream<Path> files = Files.walk(this.classes)) {
			files.filter(Files::isRegularFile).forEach((classFile) -> setLastModified(classFile, built));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Save a source file, as an editor does: nothing is compiled.
	 * @param className the binary name of the top-level class
	 * @param source its new source
	 * @return the source file
	 */
	public Path save(String className, String source) {
		Path file = sourceFile(className);
		write(file, source);
		return file;
	}

	/**
	 * Return the source file of a class.
	 * @param className the binary name of the top-level class
	 * @return its path in {@code src/main/java}
	 */
	public Path sourceFile(String className) {
		return this.sources.resolve(className.replace('.', '/') + ".java");
	}

	/**
	 * Return the class file of a class.
	 * @param className the binary name
	 * @return its path in {@code target/classes}
	 */
	public Path classFile(String className) {
		return this.classes.resolve(className.replace('.', '/') + ".class");
	}

	/**
	 * Return a new class loader for the class directory, with the test's class loader as
	 * parent.
	 * @return the class loader
	 */
	public URLClassLoader newClassLoader() {
		try {
			return new URLClassLoader(new URL[] { this.classes.toUri().toURL() }, SourceProject.class.getClassLoader());
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return a baseline of the class files that takes every file as loaded, recorded now.
	 * @return the recorded class file baseline
	 */
	public ClassFileBaseline recordClassFiles() {
		ClassFileBaseline baseline = new ClassFileBaseline(List.of(this.classes), Long.MAX_VALUE);
		baseline.record();
		return baseline;
	}

	/**
	 * Return a compiler of the project's saved sources, its baseline recorded now, that
	 * compiles against this test's class path.
	 * @return the compiler
	 */
	public ChangedSourceCompiler newCompiler() {
		SourceBaseline baseline = new SourceBaseline(() -> new SourceFiles(List.of(this.classes)).getRoots(),
				() -> Long.MAX_VALUE);
		ChangedSourceCompiler compiler = new ChangedSourceCompiler(baseline,
				new ApplicationCode(List.of(this.classes)));
		compiler.recordBaseline();
		return compiler;
	}

	private static void write(Path file, String source) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, source, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void setLastModified(Path file, long millis) {
		try {
			Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

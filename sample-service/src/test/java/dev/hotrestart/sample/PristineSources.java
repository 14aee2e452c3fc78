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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.hotrestart.testsupport.Javac;
import dev.hotrestart.testsupport.Javac.JavaSource;

/**
 * The sample's classes with deliberate bugs, as committed: copies of their sources in the
 * test resources ({@code pristine/}), so that the tests find the bugs whatever the
 * working copy holds. A developer who followed the README's walkthrough has fixed them in
 * {@code src/main/java}; the tests still run, and fix, the bugs of these copies.
 */
final class PristineSources {

	static final String QUOTE_SERVICE = "dev.hotrestart.sample.quote.QuoteService";

	static final String INVOICE_CALCULATOR = "dev.hotrestart.sample.billing.InvoiceCalculator";

	static final List<String> CLASSES = List.of(QUOTE_SERVICE, INVOICE_CALCULATOR);

	private static final String LOCATION = "pristine/";

	private static Path compiled;

	private PristineSources() {
	}

	/**
	 * Return the pristine source of one of the {@link #CLASSES}.
	 * @param className the binary name of the class
	 * @return its source, with its deliberate bug
	 */
	static String source(String className) {
		String resource = LOCATION + className.replace('.', '/') + ".java";
		try (InputStream stream = PristineSources.class.getClassLoader().getResourceAsStream(resource)) {
			if (stream == null) {
				throw new IllegalArgumentException("No pristine copy of " + className + " at " + resource);
			}
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replace the class files of the {@link #CLASSES} in a class directory, whatever they
	 * were compiled from, with the ones compiled from the pristine sources.
	 * @param classesDirectory a copy of the sample's class directory
	 */
	static void installInto(Path classesDirectory) throws IOException {
		Path pristine = compiled();
		for (String className : CLASSES) {
			Path packageDirectory = classesDirectory.resolve(packagePath(className));
			deleteClassFiles(packageDirectory, simpleName(className));
			try (Stream<Path> files = Files.list(pristine.resolve(packagePath(className)))) {
				for (Path file : (Iterable<Path>) files::iterator) {
					Files.copy(file, packageDirectory.resolve(file.getFileName().toString()),
							StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	/**
	 * Replace the sources of the {@link #CLASSES} in a source directory with the pristine
	 * ones, so that they match the class files {@link #installInto(Path)} installs.
	 * @param sourcesDirectory a copy of the sample's source directory
	 */
	static void installSourcesInto(Path sourcesDirectory) throws IOException {
		for (String className : CLASSES) {
			Files.writeString(sourcesDirectory.resolve(className.replace('.', '/') + ".java"), source(className));
		}
	}

	// Compiled once per JVM, into a fresh directory of the build output
	private static synchronized Path compiled() throws IOException {
		if (compiled == null) {
			Path directory = Path.of("target", "pristine-classes");
			deleteTree(directory);
			Javac.withClassPathOfThisJvm()
				.compile(directory, CLASSES.stream().map((name) -> new JavaSource(name, source(name))).toList());
			compiled = directory;
		}
		return compiled;
	}

	private static void deleteClassFiles(Path packageDirectory, String simpleName) throws IOException {
		try (Stream<Path> files = Files.list(packageDirectory)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				String name = file.getFileName().toString();
				if (name.equals(simpleName + ".class") || name.startsWith(simpleName + "$")) {
					Files.delete(file);
				}
			}
		}
	}

	private static void deleteTree(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
					Files.delete(path);
				}
			}
		}
	}

	private static String packagePath(String className) {
		return className.substring(0, className.lastIndexOf('.')).replace('.', '/');
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

}

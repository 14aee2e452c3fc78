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

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.HotRestart;

/**
 * Tells the application's own code from framework code in a stack trace: a class is the
 * application's when its class file lies in one of the application's class directories,
 * the very files hot restart reloads. Classes from jars (frameworks, the JDK), generated
 * proxies, and hot restart's own classes are not. Also finds the class file of an
 * application class.
 * <p>
 * Thread-safe; answers are cached per class name, as stack traces are rendered on every
 * poll of the endpoint.
 *
 * @author hot-restart authors
 */
public class ApplicationCode {

	private final List<Path> directories;

	private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

	private final SourceFiles sourceFiles;

	/**
	 * Create an instance that looks for class files in the given directories.
	 * @param classDirectories the application's class directories
	 */
	public ApplicationCode(List<Path> classDirectories) {
		this(classDirectories, List.of());
	}

	/**
	 * Create an instance that looks for class files in the given directories, and for
	 * source files in the given source directories.
	 * @param classDirectories the application's class directories
	 * @param sourceDirectories the configured source directories, or an empty list to
	 * find them by the build's layout
	 */
	public ApplicationCode(List<Path> classDirectories, List<Path> sourceDirectories) {
		Path ownDirectory = ownClassDirectory();
		this.directories = classDirectories.stream().filter((directory) -> !directory.equals(ownDirectory)).toList();
		this.sourceFiles = new SourceFiles(this.directories, sourceDirectories);
	}

	/**
	 * Return the application's class directories: those given, without hot restart's own.
	 * @return the directories, in class path order
	 */
	public List<Path> getDirectories() {
		return this.directories;
	}

	/**
	 * Return whether the class of a stack frame belongs to the application.
	 * @param className the binary class name, as in a {@link StackTraceElement}
	 * @return {@code true} if its class file is in an application class directory
	 */
	public boolean contains(String className) {
		return this.cache.computeIfAbsent(className, this::hasClassFile);
	}

	/**
	 * Return the absolute path of the source file of an application frame's class, found
	 * by the build layout of the class directories.
	 * @param className the binary class name, as in a {@link StackTraceElement}
	 * @param fileName the source file name, as in a {@link StackTraceElement}
	 * @return the path, or {@code null} when it is not found
	 * @see SourceFiles
	 */
	public @Nullable String sourcePath(String className, @Nullable String fileName) {
		return this.sourceFiles.find(className, fileName);
	}

	/**
	 * Return where the source files of the application's classes are.
	 * @return the application's source directories
	 */
	public SourceFiles getSourceFiles() {
		return this.sourceFiles;
	}

	private boolean hasClassFile(String className) {
		return classFile(className).isPresent();
	}

	/**
	 * Return the class file of an application class.
	 * @param className the binary class name
	 * @return the class file in the first class directory that has one, or empty for a
	 * class that is not the application's
	 */
	public Optional<Path> classFile(String className) {
		if (className.indexOf('/') >= 0 || className.contains("$$")) {
			// Hidden or generated classes (lambdas, proxies) have no class file
			return Optional.empty();
		}
		String file = className.replace('.', '/') + ClassFileWalker.CLASS_SUFFIX;
		return this.directories.stream()
			.map((directory) -> directory.resolve(file))
			.filter(Files::isRegularFile)
			.findFirst();
	}

	private static @Nullable Path ownClassDirectory() {
		try {
			CodeSource codeSource = HotRestart.class.getProtectionDomain().getCodeSource();
			URL location = (codeSource != null) ? codeSource.getLocation() : null;
			return (location != null) ? Path.of(location.toURI()).toAbsolutePath().normalize() : null;
		}
		catch (URISyntaxException | RuntimeException ex) {
			// Unusual class loader: its classes simply count as the application's
			return null;
		}
	}

}

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Finds the source files of the application's classes next to the class directories they
 * were compiled into, by the layout of the build: Maven's {@code target/classes} and
 * {@code target/test-classes}, Gradle's {@code build/classes/<language>/<source set>},
 * and the {@code bin/<source set>} of Eclipse and VS Code. The console links stack frames
 * to them, to open the line in an IDE.
 *
 * <p>
 * Thread-safe: results are cached, so a source file created later is not found.
 */
final class SourceFiles {

	private static final List<String> LANGUAGES = List.of("java", "kotlin", "groovy", "scala");

	private final List<Path> sourceDirectories;

	private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

	/**
	 * Create an instance for the given class directories.
	 * @param classDirectories the application's class directories
	 */
	SourceFiles(List<Path> classDirectories) {
		List<Path> sourceDirectories = new ArrayList<>();
		for (Path classDirectory : classDirectories) {
			for (Path candidate : sourceDirectories(classDirectory.toAbsolutePath().normalize())) {
				if (Files.isDirectory(candidate)) {
					sourceDirectories.add(candidate);
				}
			}
		}
		this.sourceDirectories = List.copyOf(sourceDirectories);
	}

	/**
	 * Return the absolute path of the source file of a stack frame's class.
	 * @param className the binary class name, as in a {@link StackTraceElement}
	 * @param fileName the source file name, as in a {@link StackTraceElement}
	 * @return the path, or {@code null} when no source directory has the file
	 */
	@Nullable String find(String className, @Nullable String fileName) {
		if (fileName == null || fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0) {
			return null;
		}
		int lastDot = className.lastIndexOf('.');
		String relativePath = ((lastDot < 0) ? "" : className.substring(0, lastDot).replace('.', '/') + "/") + fileName;
		return this.cache.computeIfAbsent(relativePath, this::locate).orElse(null);
	}

	private Optional<String> locate(String relativePath) {
		for (Path sourceDirectory : this.sourceDirectories) {
			Path file = sourceDirectory.resolve(relativePath);
			if (Files.isRegularFile(file)) {
				return Optional.of(file.toString());
			}
		}
		return Optional.empty();
	}

	private static List<Path> sourceDirectories(Path classDirectory) {
		int count = classDirectory.getNameCount();
		String name = name(classDirectory, count - 1);
		String parent = name(classDirectory, count - 2);
		if ("target".equals(parent) && ("classes".equals(name) || "test-classes".equals(name))) {
			Path sources = classDirectory.getParent()
				.resolveSibling("src")
				.resolve("classes".equals(name) ? "main" : "test");
			return LANGUAGES.stream().map(sources::resolve).toList();
		}
		if ("bin".equals(parent) && ("main".equals(name) || "test".equals(name))) {
			Path sources = classDirectory.getParent().resolveSibling("src").resolve(name);
			return LANGUAGES.stream().map(sources::resolve).toList();
		}
		if (count >= 4 && "build".equals(name(classDirectory, count - 4))
				&& "classes".equals(name(classDirectory, count - 3))) {
			Path build = classDirectory.getParent().getParent().getParent();
			return List.of(build.resolveSibling("src").resolve(name).resolve(parent));
		}
		return List.of();
	}

	private static String name(Path path, int index) {
		return (index >= 0) ? path.getName(index).toString() : "";
	}

}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Finds the source directories of the application's class directories, by the layout of
 * the build: Maven's {@code target/classes} and {@code target/test-classes}, Gradle's
 * {@code build/classes/<language>/<source set>}, and the {@code bin/<source set>} of
 * Eclipse and VS Code; or takes the ones configured instead. The console links stack
 * frames to their source files, to open the line in an IDE, and a continue compiles the
 * sources saved in them.
 *
 * <p>
 * Thread-safe: the directories are found once, and the source file of each class is
 * cached, so a source file created later is not found by {@link #find}.
 */
public final class SourceFiles {

	private static final List<String> LANGUAGES = List.of("java", "kotlin", "groovy", "scala");

	private final List<SourceRoot> roots;

	private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

	/**
	 * Create an instance for the given class directories, their source directories found
	 * by the build's layout.
	 * @param classDirectories the application's class directories
	 */
	public SourceFiles(List<Path> classDirectories) {
		this(classDirectories, List.of());
	}

	/**
	 * Create an instance for the given class directories and configured source
	 * directories. Each configured directory keeps the class directory the build's layout
	 * gives it, if any.
	 * @param classDirectories the application's class directories
	 * @param sourceDirectories the configured source directories, or an empty list to
	 * find them by the build's layout
	 */
	public SourceFiles(List<Path> classDirectories, List<Path> sourceDirectories) {
		List<SourceRoot> byLayout = byLayout(classDirectories);
		this.roots = sourceDirectories.isEmpty() ? byLayout : configured(sourceDirectories, byLayout);
	}

	/**
	 * Return the source directories, each with the class directory it is compiled into.
	 * @return the source directories, in class path order or as configured
	 */
	public List<SourceRoot> getRoots() {
		return this.roots;
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
		for (SourceRoot root : this.roots) {
			Path file = root.directory().resolve(relativePath);
			if (Files.isRegularFile(file)) {
				return Optional.of(file.toString());
			}
		}
		return Optional.empty();
	}

	private static List<SourceRoot> byLayout(List<Path> classDirectories) {
		Map<Path, SourceRoot> roots = new LinkedHashMap<>();
		for (Path classDirectory : classDirectories) {
			Path normalized = classDirectory.toAbsolutePath().normalize();
			for (Path candidate : sourceDirectories(normalized)) {
				if (Files.isDirectory(candidate)) {
					roots.putIfAbsent(candidate, new SourceRoot(candidate, normalized));
				}
			}
		}
		return List.copyOf(roots.values());
	}

	private static List<SourceRoot> configured(List<Path> sourceDirectories, List<SourceRoot> byLayout) {
		List<SourceRoot> roots = new ArrayList<>();
		for (Path configured : sourceDirectories) {
			Path directory = configured.toAbsolutePath().normalize();
			roots.add(byLayout.stream()
				.filter((root) -> root.directory().equals(directory))
				.findFirst()
				.orElseGet(() -> new SourceRoot(directory, null)));
		}
		return List.copyOf(roots);
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
		if ("bin".equals(parent) && !name.isEmpty()) {
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

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the source directories of the application's class directories, by the layouts of
 * Maven and Gradle: {@code target/classes} is compiled from {@code src/main/java} (and
 * {@code src/main/kotlin}, {@code src/main/groovy}), {@code target/test-classes} from
 * {@code src/test/java}, Gradle's {@code build/classes/java/main} from
 * {@code src/main/java}, and Eclipse Buildship's {@code bin/main} from
 * {@code src/main/java}. Only directories that exist count. Stateless.
 *
 * @author hot-restart authors
 */
public final class SourceRoots {

	private static final List<String> LANGUAGE_DIRECTORIES = List.of("java", "kotlin", "groovy");

	private SourceRoots() {
	}

	/**
	 * Return the source directories of the given class directories, by the build's
	 * layout.
	 * @param classDirectories the application's class directories
	 * @return the source directories that exist, each with its class directory
	 */
	public static List<SourceRoot> inferred(List<Path> classDirectories) {
		Map<Path, SourceRoot> roots = new LinkedHashMap<>();
		for (Path classDirectory : classDirectories) {
			Path normalized = classDirectory.toAbsolutePath().normalize();
			for (Path source : sourceDirectories(normalized)) {
				if (Files.isDirectory(source)) {
					roots.putIfAbsent(source, new SourceRoot(source, normalized));
				}
			}
		}
		return List.copyOf(roots.values());
	}

	/**
	 * Return the configured source directories, each paired with the class directory the
	 * build's layout gives it, if any.
	 * @param sourceDirectories the configured source directories
	 * @param classDirectories the application's class directories
	 * @return the source directories, in the order given
	 */
	public static List<SourceRoot> configured(List<File> sourceDirectories, List<Path> classDirectories) {
		Map<Path, SourceRoot> byLayout = new LinkedHashMap<>();
		inferred(classDirectories).forEach((root) -> byLayout.put(root.directory(), root));
		List<SourceRoot> roots = new ArrayList<>();
		for (File configured : sourceDirectories) {
			Path directory = configured.toPath().toAbsolutePath().normalize();
			SourceRoot root = byLayout.get(directory);
			roots.add((root != null) ? root : new SourceRoot(directory, null));
		}
		return List.copyOf(roots);
	}

	private static List<Path> sourceDirectories(Path classDirectory) {
		String name = fileName(classDirectory);
		Path parent = classDirectory.getParent();
		Path grandparent = (parent != null) ? parent.getParent() : null;
		if (grandparent == null) {
			return List.of();
		}
		// Maven: <module>/target/classes, <module>/target/test-classes
		if ("target".equals(fileName(parent))) {
			return switch (name) {
				case "classes" -> languages(grandparent.resolve("src").resolve("main"));
				case "test-classes" -> languages(grandparent.resolve("src").resolve("test"));
				default -> List.of();
			};
		}
		// Eclipse Buildship: <module>/bin/<source set>
		if ("bin".equals(fileName(parent))) {
			return languages(grandparent.resolve("src").resolve(name));
		}
		// Gradle: <module>/build/classes/<language>/<source set>
		Path build = grandparent.getParent();
		Path module = (build != null) ? build.getParent() : null;
		if (module != null && "build".equals(fileName(build)) && "classes".equals(fileName(grandparent))
				&& LANGUAGE_DIRECTORIES.contains(fileName(parent))) {
			return List.of(module.resolve("src").resolve(name).resolve(fileName(parent)));
		}
		return List.of();
	}

	private static List<Path> languages(Path sourceSet) {
		return LANGUAGE_DIRECTORIES.stream().map(sourceSet::resolve).toList();
	}

	private static String fileName(Path path) {
		Path name = path.getFileName();
		return (name != null) ? name.toString() : "";
	}

}

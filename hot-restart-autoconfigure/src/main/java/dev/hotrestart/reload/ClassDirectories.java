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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds the application's class directories: the directories on the class path, where an
 * IDE build or {@code mvn compile} writes class files. A "pathing jar" (a single jar
 * whose manifest {@code Class-Path} lists the real entries, as IDEs use for long class
 * paths) is looked through.
 *
 * @author hot-restart authors
 */
public final class ClassDirectories {

	private ClassDirectories() {
	}

	/**
	 * Return the class directories of this JVM's class path.
	 * @return existing directories, in class path order
	 */
	public static List<Path> ofClassPath() {
		return of(System.getProperty("java.class.path", ""));
	}

	/**
	 * Return the class directories of the given class path.
	 * @param classPath entries separated by {@link File#pathSeparator}
	 * @return existing directories, in class path order
	 */
	public static List<Path> of(String classPath) {
		Set<Path> directories = new LinkedHashSet<>();
		for (Path entry : entries(classPath)) {
			if (Files.isDirectory(entry)) {
				directories.add(entry.toAbsolutePath().normalize());
			}
		}
		return List.copyOf(directories);
	}

	/**
	 * Return every entry of this JVM's class path, jars and directories alike, with a
	 * pathing jar looked through.
	 * @return the entries, in class path order
	 */
	public static List<Path> entriesOfClassPath() {
		return entries(System.getProperty("java.class.path", ""));
	}

	private static List<Path> entries(String classPath) {
		List<Path> entries = listed(classPath);
		if (entries.size() == 1 && entries.get(0).toString().endsWith(".jar")) {
			entries = new ArrayList<>(entries);
			entries.addAll(manifestClassPath(entries.get(0)));
		}
		return entries;
	}

	private static List<Path> listed(String classPath) {
		List<Path> entries = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			if (!entry.isBlank()) {
				try {
					entries.add(Path.of(entry));
				}
				catch (InvalidPathException ex) {
					// Not a file system path: nothing to watch there
				}
			}
		}
		return entries;
	}

	private static List<Path> manifestClassPath(Path jar) {
		List<Path> entries = new ArrayList<>();
		try (JarFile jarFile = new JarFile(jar.toFile())) {
			Manifest manifest = jarFile.getManifest();
			String classPath = (manifest != null) ? manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH)
					: null;
			if (classPath != null) {
				URI base = jar.toAbsolutePath().getParent().toUri();
				for (String entry : classPath.trim().split("\\s+")) {
					entries.add(Path.of(base.resolve(entry)));
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			// Not a readable pathing jar: only its own entries count
		}
		return entries;
	}

}

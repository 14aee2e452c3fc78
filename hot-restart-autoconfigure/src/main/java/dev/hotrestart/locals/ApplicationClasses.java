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

package dev.hotrestart.locals;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Tells the application's classes from all others: a class is the application's when its
 * class file is in one of the application's class directories (where the IDE or
 * {@code mvn compile} writes), and hot restart's own classes never are. Classes from
 * jars, the JDK, and classes generated at run time (proxies, even when defined next to an
 * application class) are not. Thread-safe; most classes are told apart by the location of
 * their code source alone, which costs a map lookup.
 *
 * @author hot-restart authors
 */
public final class ApplicationClasses {

	private final List<Path> directories;

	private final Map<String, Optional<Path>> directoriesByLocation = new ConcurrentHashMap<>();

	/**
	 * Create a filter for the given class directories.
	 * @param directories the application's class directories
	 */
	public ApplicationClasses(List<Path> directories) {
		Path own = locationOf(ApplicationClasses.class.getProtectionDomain());
		this.directories = directories.stream()
			.map((directory) -> directory.toAbsolutePath().normalize())
			.filter((directory) -> !directory.equals(own))
			.toList();
	}

	/**
	 * Return the class directories this filter accepts classes from.
	 * @return the directories
	 */
	public List<Path> getDirectories() {
		return this.directories;
	}

	/**
	 * Return whether a class being loaded or redefined is an application class.
	 * @param internalName the class's internal name ({@code com/example/Quotes})
	 * @param protectionDomain its protection domain, or {@code null}
	 * @return {@code true} if its class file is in an application class directory
	 */
	public boolean contains(String internalName, @Nullable ProtectionDomain protectionDomain) {
		if (internalName.contains("$$") || this.directories.isEmpty()) {
			// Generated at run time (CGLIB proxies and the like): no class file of its
			// own
			return false;
		}
		CodeSource codeSource = (protectionDomain != null) ? protectionDomain.getCodeSource() : null;
		URL location = (codeSource != null) ? codeSource.getLocation() : null;
		String classFile = internalName + ".class";
		if (location == null) {
			// Defined without a code source (as DevTools does for files it was sent)
			return this.directories.stream().anyMatch((directory) -> Files.isRegularFile(directory.resolve(classFile)));
		}
		if (!"file".equals(location.getProtocol()) || !location.getPath().endsWith("/")) {
			return false;
		}
		Optional<Path> directory = this.directoriesByLocation.computeIfAbsent(location.getPath(),
				(path) -> Optional.ofNullable(directoryAt(location)));
		return directory.isPresent() && Files.isRegularFile(directory.get().resolve(classFile));
	}

	/**
	 * Return whether a loaded class is an application class.
	 * @param type the class
	 * @return {@code true} if its class file is in an application class directory
	 */
	public boolean contains(Class<?> type) {
		return !type.isArray() && !type.isPrimitive() && !type.isHidden() && type.getClassLoader() != null
				&& contains(type.getName().replace('.', '/'), type.getProtectionDomain());
	}

	/**
	 * Return the class file of a loaded application class.
	 * @param type the class
	 * @return its class file, or {@code null} if it is not an application class
	 */
	public @Nullable Path classFileOf(Class<?> type) {
		if (!contains(type)) {
			return null;
		}
		String classFile = type.getName().replace('.', '/') + ".class";
		for (Path directory : this.directories) {
			Path file = directory.resolve(classFile);
			if (Files.isRegularFile(file)) {
				return file;
			}
		}
		return null;
	}

	private @Nullable Path directoryAt(URL location) {
		try {
			Path path = Path.of(location.toURI()).toAbsolutePath().normalize();
			return this.directories.contains(path) ? path : null;
		}
		catch (URISyntaxException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable Path locationOf(ProtectionDomain protectionDomain) {
		CodeSource codeSource = protectionDomain.getCodeSource();
		URL location = (codeSource != null) ? codeSource.getLocation() : null;
		try {
			return (location != null) ? Path.of(location.toURI()).toAbsolutePath().normalize() : null;
		}
		catch (URISyntaxException | RuntimeException ex) {
			return null;
		}
	}

}

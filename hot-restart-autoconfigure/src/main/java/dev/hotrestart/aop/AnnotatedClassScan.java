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

package dev.hotrestart.aop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;

import dev.hotrestart.HotRestart;
import dev.hotrestart.reload.ClassFileWalker;

/**
 * Finds the classes of the application's packages that declare
 * {@link HotRestart @HotRestart}, among the class files of its class directories, without
 * loading the others.
 * <p>
 * A class file that uses an annotation names the annotation's type descriptor in its
 * constant pool, so a plain byte search over each file picks the few classes worth
 * loading (without initialising them). Annotation types found that carry
 * {@code @HotRestart} themselves are searched for in turn, so classes that only use such
 * a meta-annotation are found too. Jars are never read: the classes there cannot be
 * reloaded either. Each class file of the packages is read once (again only for a
 * meta-annotation), so this is meant for a background thread. Stateless.
 *
 * @author hot-restart authors
 */
final class AnnotatedClassScan {

	private AnnotatedClassScan() {
	}

	/**
	 * Return the classes of the given packages, in the given class directories, that
	 * declare {@code @HotRestart} on the type or on a method.
	 * @param classDirectories the class directories
	 * @param packages the packages, each with its sub-packages ({@code ""} for all)
	 * @param classLoader the loader to load the classes found with
	 * @return the classes, other than annotation types
	 */
	static List<Class<?>> find(List<Path> classDirectories, Collection<String> packages,
			@Nullable ClassLoader classLoader) {
		Map<String, Path> remaining = classFiles(classDirectories, packages);
		List<Class<?>> found = new ArrayList<>();
		List<byte[]> descriptors = List.of(descriptor(HotRestart.class.getName()));
		while (!descriptors.isEmpty() && !remaining.isEmpty()) {
			List<byte[]> metaAnnotations = new ArrayList<>();
			for (String className : mentioning(remaining, descriptors)) {
				remaining.remove(className);
				Class<?> type = load(className, classLoader);
				if (type == null) {
					continue;
				}
				if (type.isAnnotation()) {
					if (MergedAnnotations.from(type).isPresent(HotRestart.class)) {
						metaAnnotations.add(descriptor(className));
					}
				}
				else if (declares(type)) {
					found.add(type);
				}
			}
			descriptors = metaAnnotations;
		}
		return found;
	}

	private static Map<String, Path> classFiles(List<Path> classDirectories, Collection<String> packages) {
		Map<String, Path> files = new LinkedHashMap<>();
		for (Path directory : classDirectories) {
			for (String packageName : packages) {
				Path root = packageName.isEmpty() ? directory
						: directory.resolve(packageName.replace(".", directory.getFileSystem().getSeparator()));
				ClassFileWalker.walk(List.of(root),
						(file, attributes) -> files.putIfAbsent(className(directory, file), file));
			}
		}
		return files;
	}

	private static String className(Path directory, Path file) {
		String relative = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
		return relative.substring(0, relative.length() - ".class".length());
	}

	private static List<String> mentioning(Map<String, Path> classFiles, List<byte[]> descriptors) {
		List<String> classNames = new ArrayList<>();
		classFiles.forEach((className, file) -> {
			byte[] content = read(file);
			if (content != null && descriptors.stream().anyMatch((descriptor) -> contains(content, descriptor))) {
				classNames.add(className);
			}
		});
		return classNames;
	}

	private static byte[] descriptor(String className) {
		return ("L" + className.replace('.', '/') + ";").getBytes(StandardCharsets.UTF_8);
	}

	private static boolean contains(byte[] content, byte[] part) {
		int last = content.length - part.length;
		for (int start = 0; start <= last; start++) {
			if (content[start] == part[0] && content[start + part.length - 1] == part[part.length - 1]
					&& matchesAt(content, part, start)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matchesAt(byte[] content, byte[] part, int start) {
		for (int i = 1; i < part.length - 1; i++) {
			if (content[start + i] != part[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte @Nullable [] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			// Deleted or rewritten by a build meanwhile: nothing to say about it
			return null;
		}
	}

	private static boolean declares(Class<?> type) {
		try {
			return HotRestartClassFilter.declares(type);
		}
		catch (RuntimeException | LinkageError ex) {
			// A method whose signature names a class that is missing: not a bean either
			return false;
		}
	}

	private static @Nullable Class<?> load(String className, @Nullable ClassLoader classLoader) {
		try {
			return ClassUtils.forName(className, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// Not loadable as it is (a missing dependency, a half-written file)
			return null;
		}
	}

}

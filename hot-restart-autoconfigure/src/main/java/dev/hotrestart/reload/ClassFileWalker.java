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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Walks the class files of class directories: every regular {@code .class} file except
 * {@code module-info.class} and {@code package-info.class}, with the attributes the walk
 * read anyway (time stamp and size). Directories that do not exist are skipped, and so
 * are files that cannot be read. Stateless.
 *
 * @author hot-restart authors
 */
public final class ClassFileWalker {

	public static final String CLASS_SUFFIX = ".class";

	private ClassFileWalker() {
	}

	/**
	 * Visit every class file of the given directories.
	 * @param directories the class directories
	 * @param visitor told about each class file
	 * @throws UncheckedIOException if a directory cannot be walked
	 */
	public static void walk(List<Path> directories, Visitor visitor) {
		for (Path directory : directories) {
			if (!Files.isDirectory(directory)) {
				continue;
			}
			try {
				Files.walkFileTree(directory, new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
						String name = file.getFileName().toString();
						if (attributes.isRegularFile() && name.endsWith(CLASS_SUFFIX)
								&& !name.equals("module-info.class") && !name.equals("package-info.class")) {
							visitor.visit(file, attributes);
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException ex) {
						return FileVisitResult.CONTINUE;
					}

				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not scan class directory " + directory, ex);
			}
		}
	}

	/**
	 * Told about each class file.
	 */
	@FunctionalInterface
	public interface Visitor {

		/**
		 * Visit a class file.
		 * @param file the class file
		 * @param attributes its attributes
		 */
		void visit(Path file, BasicFileAttributes attributes);

	}

}

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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import dev.hotrestart.reload.SourceRoot;

/**
 * Walks the source files of source directories: the files whose language hot restart
 * knows, except {@code module-info.java} and {@code package-info.java}, which hold no
 * class to reload.
 *
 * @author hot-restart authors
 */
final class SourceFileWalker {

	private SourceFileWalker() {
	}

	/**
	 * Visit every source file of the given source directories.
	 * @param roots the source directories
	 * @param visitor told about each source file
	 * @throws UncheckedIOException if a directory cannot be walked
	 */
	static void walk(List<SourceRoot> roots, Visitor visitor) {
		for (SourceRoot root : roots) {
			if (!Files.isDirectory(root.directory())) {
				continue;
			}
			try {
				Files.walkFileTree(root.directory(), new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
						SourceLanguage language = SourceLanguage.of(file);
						if (language != null && attributes.isRegularFile() && isCompiled(file)) {
							visitor.visit(root, file, language, attributes);
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
				throw new UncheckedIOException("Could not scan source directory " + root.directory(), ex);
			}
		}
	}

	private static boolean isCompiled(Path file) {
		String name = file.getFileName().toString();
		return !name.equals("module-info.java") && !name.equals("package-info.java");
	}

	/**
	 * Told about each source file.
	 */
	@FunctionalInterface
	interface Visitor {

		/**
		 * Visit a source file.
		 * @param root the source directory it is in
		 * @param file the source file
		 * @param language its language
		 * @param attributes its attributes
		 */
		void visit(SourceRoot root, Path file, SourceLanguage language, BasicFileAttributes attributes);

	}

}

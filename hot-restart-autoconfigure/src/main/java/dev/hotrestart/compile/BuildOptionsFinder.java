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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.reload.ClassFileWalker;
import dev.hotrestart.reload.SourceRoot;

/**
 * Finds the options the build compiled a source with: from the class file of its class,
 * or, for a new class, from any class file of its class directory (once per directory),
 * or else {@link BuildOptions#DEFAULT}.
 * <p>
 * Thread-safe.
 *
 * @author hot-restart authors
 */
final class BuildOptionsFinder {

	private final ClassFileOutput output;

	private final Map<Path, BuildOptions> byClassDirectory = new ConcurrentHashMap<>();

	BuildOptionsFinder(ClassFileOutput output) {
		this.output = output;
	}

	/**
	 * Return the options a source was compiled with.
	 * @param root the source directory
	 * @param classFilePath the path of its class file, relative to a class directory
	 * @return the options
	 */
	BuildOptions find(SourceRoot root, String classFilePath) {
		for (Path directory : this.output.classDirectoriesOf(root)) {
			Path classFile = directory.resolve(classFilePath);
			if (Files.isRegularFile(classFile)) {
				BuildOptions options = read(classFile);
				if (options != null) {
					return options;
				}
			}
		}
		return this.byClassDirectory.computeIfAbsent(this.output.defaultClassDirectoryOf(root), this::anyClassFile);
	}

	private BuildOptions anyClassFile(Path classDirectory) {
		List<BuildOptions> found = new ArrayList<>(1);
		ClassFileWalker.walk(List.of(classDirectory), (file, attributes) -> {
			if (found.isEmpty()) {
				BuildOptions options = read(file);
				if (options != null) {
					found.add(options);
				}
			}
		});
		return found.isEmpty() ? BuildOptions.DEFAULT : found.get(0);
	}

	private static @Nullable BuildOptions read(Path classFile) {
		try {
			return BuildOptions.of(Files.readAllBytes(classFile));
		}
		catch (IOException | RuntimeException ex) {
			// Being rewritten by a build, or not a class file: another one tells
			return null;
		}
	}

}

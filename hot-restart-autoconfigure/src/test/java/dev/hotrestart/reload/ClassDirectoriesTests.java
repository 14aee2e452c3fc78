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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassDirectories}.
 */
class ClassDirectoriesTests {

	@TempDir
	Path root;

	@Test
	void directoriesOfTheClassPathInOrderSkippingJarsAndMissingEntries() throws IOException {
		Path classes = Files.createDirectories(this.root.resolve("classes"));
		Path testClasses = Files.createDirectories(this.root.resolve("test-classes"));
		Path jar = Files.createFile(this.root.resolve("library.jar"));
		String classPath = String.join(File.pathSeparator, testClasses.toString(), jar.toString(),
				this.root.resolve("missing").toString(), classes.toString());
		assertThat(ClassDirectories.of(classPath)).containsExactly(testClasses, classes);
	}

	@Test
	void pathingJarIsLookedThrough() throws IOException {
		Files.createDirectories(this.root.resolve("module/classes"));
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "module/classes/ other.jar");
		Path pathingJar = this.root.resolve("classpath.jar");
		try (JarOutputStream stream = new JarOutputStream(Files.newOutputStream(pathingJar), manifest)) {
			// Manifest only
		}
		assertThat(ClassDirectories.of(pathingJar.toString())).containsExactly(this.root.resolve("module/classes"));
	}

	@Test
	void thisTestRunsFromClassDirectories() {
		assertThat(ClassDirectories.ofClassPath())
			.anySatisfy((directory) -> assertThat(directory.getFileName()).hasToString("test-classes"));
	}

}

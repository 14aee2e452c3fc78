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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceRoots}: real directory trees laid out as Maven, Gradle and
 * Eclipse Buildship lay them out.
 *
 * @author hot-restart authors
 */
class SourceRootsTests {

	@TempDir
	Path root;

	@Test
	void mavenClassDirectoriesAreCompiledFromTheSourceDirectoriesOfTheirModule() throws IOException {
		Path module = this.root.resolve("shop");
		Path classes = directory(module.resolve("target/classes"));
		Path testClasses = directory(module.resolve("target/test-classes"));
		Path main = directory(module.resolve("src/main/java"));
		Path kotlin = directory(module.resolve("src/main/kotlin"));
		Path test = directory(module.resolve("src/test/java"));

		assertThat(SourceRoots.inferred(List.of(classes, testClasses))).containsExactly(new SourceRoot(main, classes),
				new SourceRoot(kotlin, classes), new SourceRoot(test, testClasses));
	}

	@Test
	void gradleAndBuildshipClassDirectoriesAreCompiledFromTheirSourceSet() throws IOException {
		Path module = this.root.resolve("shop");
		Path gradleMain = directory(module.resolve("build/classes/java/main"));
		Path gradleKotlin = directory(module.resolve("build/classes/kotlin/main"));
		Path buildshipTest = directory(module.resolve("bin/test"));
		Path main = directory(module.resolve("src/main/java"));
		Path kotlin = directory(module.resolve("src/main/kotlin"));
		Path test = directory(module.resolve("src/test/java"));

		assertThat(SourceRoots.inferred(List.of(gradleMain, gradleKotlin, buildshipTest))).containsExactly(
				new SourceRoot(main, gradleMain), new SourceRoot(kotlin, gradleKotlin),
				new SourceRoot(test, buildshipTest));
	}

	@Test
	void classDirectoriesOfNoKnownLayoutOrWithoutSourcesHaveNone() throws IOException {
		Path ideOutput = directory(this.root.resolve("out/production/shop"));
		Path withoutSources = directory(this.root.resolve("empty/target/classes"));

		assertThat(SourceRoots.inferred(List.of(ideOutput, withoutSources))).isEmpty();
	}

	@Test
	void configuredSourceDirectoriesKeepTheClassDirectoryOfTheirLayoutIfAny() throws IOException {
		Path classes = directory(this.root.resolve("shop/target/classes"));
		Path main = directory(this.root.resolve("shop/src/main/java"));
		Path elsewhere = directory(this.root.resolve("copy/sources"));

		List<SourceRoot> roots = SourceRoots.configured(List.of(new File(elsewhere.toString()),
				new File(this.root.resolve("shop/src/main/../main/java").toString())), List.of(classes));

		assertThat(roots).containsExactly(new SourceRoot(elsewhere, null), new SourceRoot(main, classes));
	}

	private static Path directory(Path path) throws IOException {
		return Files.createDirectories(path).toAbsolutePath().normalize();
	}

}

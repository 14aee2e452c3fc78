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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceFiles}.
 */
class SourceFilesTests {

	@TempDir
	Path project;

	@Test
	void mavenClassDirectoriesHaveTheirSourcesUnderSrc() throws IOException {
		Path main = source("src/main/java/com/example/Quotes.java");
		Path test = source("src/test/java/com/example/QuotesTests.java");
		SourceFiles sourceFiles = new SourceFiles(
				List.of(directory("target/classes"), directory("target/test-classes")));
		assertThat(sourceFiles.find("com.example.Quotes", "Quotes.java")).isEqualTo(main.toString());
		assertThat(sourceFiles.find("com.example.Quotes$Line", "Quotes.java")).as("a nested class")
			.isEqualTo(main.toString());
		assertThat(sourceFiles.find("com.example.QuotesTests", "QuotesTests.java")).isEqualTo(test.toString());
	}

	@Test
	void gradleClassDirectoriesHaveTheirSourcesUnderSrcBySourceSetAndLanguage() throws IOException {
		Path java = source("src/main/java/com/example/Quotes.java");
		Path kotlin = source("src/main/kotlin/com/example/Prices.kt");
		SourceFiles sourceFiles = new SourceFiles(
				List.of(directory("build/classes/java/main"), directory("build/classes/kotlin/main")));
		assertThat(sourceFiles.find("com.example.Quotes", "Quotes.java")).isEqualTo(java.toString());
		assertThat(sourceFiles.find("com.example.PricesKt", "Prices.kt")).isEqualTo(kotlin.toString());
	}

	@Test
	void eclipseAndVsCodeClassDirectoriesHaveTheirSourcesUnderSrc() throws IOException {
		Path main = source("src/main/java/Quotes.java");
		SourceFiles sourceFiles = new SourceFiles(List.of(directory("bin/main")));
		assertThat(sourceFiles.find("Quotes", "Quotes.java")).as("a class in the default package")
			.isEqualTo(main.toString());
	}

	@Test
	void findsNothingWithoutAKnownLayoutAFileNameOrTheFile() throws IOException {
		source("src/main/java/com/example/Quotes.java");
		assertThat(new SourceFiles(List.of(directory("out/production/shop"))).find("com.example.Quotes", "Quotes.java"))
			.isNull();
		SourceFiles sourceFiles = new SourceFiles(List.of(directory("target/classes")));
		assertThat(sourceFiles.find("com.example.Quotes", null)).isNull();
		assertThat(sourceFiles.find("com.example.Missing", "Missing.java")).isNull();
		assertThat(sourceFiles.find("com.example.Quotes", "../Quotes.java")).isNull();
	}

	@Test
	void eachSourceDirectoryKnowsTheClassDirectoryItIsCompiledInto() throws IOException {
		Path classes = directory("target/classes");
		Path testClasses = directory("target/test-classes");
		Path gradleKotlin = directory("build/classes/kotlin/main");
		Path buildshipIntegration = directory("bin/integration");
		Path main = directory("src/main/java");
		Path kotlin = directory("src/main/kotlin");
		Path test = directory("src/test/java");
		Path integration = directory("src/integration/java");

		assertThat(new SourceFiles(List.of(classes, testClasses, gradleKotlin, buildshipIntegration)).getRoots())
			.containsExactly(new SourceRoot(main, classes), new SourceRoot(kotlin, classes),
					new SourceRoot(test, testClasses), new SourceRoot(integration, buildshipIntegration));
	}

	@Test
	void configuredSourceDirectoriesReplaceTheLayoutAndKeepTheClassDirectoryOfTheirLayoutIfAny() throws IOException {
		Path classes = directory("target/classes");
		Path main = directory("src/main/java");
		directory("src/test/java");
		Path elsewhere = directory("copy/sources");
		Path quotes = source("copy/sources/com/example/Quotes.java");

		SourceFiles sourceFiles = new SourceFiles(List.of(classes),
				List.of(elsewhere, this.project.resolve("src/main/../main/java")));

		assertThat(sourceFiles.getRoots()).containsExactly(new SourceRoot(elsewhere, null),
				new SourceRoot(main, classes));
		assertThat(sourceFiles.find("com.example.Quotes", "Quotes.java")).isEqualTo(quotes.toString());
	}

	private Path directory(String relativePath) throws IOException {
		return Files.createDirectories(this.project.resolve(relativePath)).toAbsolutePath().normalize();
	}

	private Path source(String relativePath) throws IOException {
		Path file = this.project.resolve(relativePath).toAbsolutePath().normalize();
		Files.createDirectories(file.getParent());
		Files.writeString(file, "// source");
		return file;
	}

}

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

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BuildOptions}: class files compiled by the JDK's compiler with the
 * options a build uses, read back.
 *
 * @author hot-restart authors
 */
class BuildOptionsTests {

	private static final String SOURCE = """
			package demo;

			public class Quote {

				public int total(int quantity) {
					int price = 3;
					return price * quantity;
				}

			}
			""";

	@TempDir
	Path root;

	@Test
	void theOptionsOfAMavenBuildAreReadBack() throws Exception {
		BuildOptions options = build("--release", "17", "-parameters", "-g");

		assertThat(options).isEqualTo(new BuildOptions(17, true, "-g", false));
		assertThat(options.javacOptions()).containsExactly("--release", "17", "-parameters", "-g");
	}

	@Test
	void javacsDefaultsAreReadBack() throws Exception {
		assertThat(build("--release", "17")).isEqualTo(new BuildOptions(17, false, "-g:source,lines", false));
	}

	@Test
	void noDebugInformationIsReadBack() throws Exception {
		assertThat(build("--release", "11", "-g:none")).isEqualTo(new BuildOptions(11, false, "-g:none", false));
	}

	private BuildOptions build(String... options) throws Exception {
		SourceProject project = new SourceProject(this.root);
		project.build("demo.Quote", SOURCE, options);
		return BuildOptions.of(Files.readAllBytes(project.classFile("demo.Quote")));
	}

}

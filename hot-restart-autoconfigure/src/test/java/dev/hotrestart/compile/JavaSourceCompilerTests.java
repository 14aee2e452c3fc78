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

import java.nio.file.Path;
import java.util.List;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.reload.ClassDirectories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * Tests for {@link JavaSourceCompiler}: the JDK's compiler run in-process on real source
 * files.
 *
 * @author hot-restart authors
 */
class JavaSourceCompilerTests {

	private static final String SOURCE = "package demo;\n\npublic class Quote {\n\tpublic int total() { return 3; }\n}\n";

	@TempDir
	Path root;

	@Test
	void aCompilationToldToStopStopsAndTheNextOneCompiles() throws Exception {
		SourceProject project = new SourceProject(this.root);
		Path source = project.save("demo.Quote", SOURCE);
		try (JavaSourceCompiler compiler = new JavaSourceCompiler(ToolProvider.getSystemJavaCompiler(),
				ClassDirectories.entriesOfClassPath())) {
			assertThatRuntimeException()
				.isThrownBy(() -> compiler.compile(List.of(source), List.of("-g"), List.of(), () -> true))
				.withStackTraceContaining("Compilation stopped");

			assertThat(compiler.compile(List.of(source), List.of("-g"), List.of("demo.Quote")))
				.extracting(CompiledClass::className)
				.containsExactly("demo.Quote");
		}
	}

}

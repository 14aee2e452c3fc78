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

package dev.hotrestart.actuate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.reload.ApplicationCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExceptionDescriptor}.
 *
 * @author hot-restart authors
 */
class ExceptionDescriptorTests {

	@TempDir
	Path classes;

	@Test
	void marksFramesOfClassesInTheApplicationsClassDirectories() throws IOException {
		Path classFile = this.classes.resolve("com/example/Quotes.class");
		Files.createDirectories(classFile.getParent());
		Files.write(classFile, new byte[] { 1 });
		IllegalStateException exception = new IllegalStateException("boom");
		exception.setStackTrace(new StackTraceElement[] { frame("com.example.Quotes", "quote", 12),
				frame("org.springframework.aop.Advice", "invoke", 34),
				frame("com.example.Quotes$$SpringCGLIB$$0", "quote", -1) });
		ExceptionDescriptor descriptor = ExceptionDescriptor.of(exception, new ApplicationCode(List.of(this.classes)));
		assertThat(descriptor.frames()).extracting(StackFrameDescriptor::application)
			.containsExactly(true, false, false);
		assertThat(descriptor.frames().get(0))
			.isEqualTo(new StackFrameDescriptor("com.example.Quotes", "quote", "Quotes.java", 12, true, null, null));
		assertThat(descriptor.omittedFrames()).isZero();
	}

	@Test
	void givesApplicationFramesTheirSourceFileFoundNextToTheClassDirectory() throws IOException {
		Path classDirectory = this.classes.resolve("shop/target/classes");
		Files.createDirectories(classDirectory.resolve("com/example"));
		Files.write(classDirectory.resolve("com/example/Quotes.class"), new byte[] { 1 });
		Path source = this.classes.resolve("shop/src/main/java/com/example/Quotes.java");
		Files.createDirectories(source.getParent());
		Files.writeString(source, "class Quotes {}");
		IllegalStateException exception = new IllegalStateException("boom");
		exception.setStackTrace(new StackTraceElement[] { frame("com.example.Quotes", "quote", 12),
				frame("org.springframework.aop.Advice", "invoke", 34) });
		ExceptionDescriptor descriptor = ExceptionDescriptor.of(exception,
				new ApplicationCode(List.of(classDirectory)));
		assertThat(descriptor.frames()).extracting(StackFrameDescriptor::sourcePath)
			.containsExactly(source.toAbsolutePath().toString(), null);
	}

	@Test
	void describesTheCauseChainWithoutTheFramesItSharesWithTheExceptionItCaused() {
		IllegalArgumentException cause = new IllegalArgumentException("bad input");
		cause.setStackTrace(new StackTraceElement[] { frame("com.example.Parser", "parse", 3),
				frame("com.example.Quotes", "quote", 12), frame("com.example.Main", "main", 5) });
		IllegalStateException exception = new IllegalStateException("boom", cause);
		exception.setStackTrace(new StackTraceElement[] { frame("com.example.Quotes", "quote", 14),
				frame("com.example.Main", "main", 5) });
		ExceptionDescriptor descriptor = ExceptionDescriptor.of(exception, new ApplicationCode(List.of(this.classes)));
		assertThat(descriptor.causes()).singleElement().satisfies((described) -> {
			assertThat(described.type()).isEqualTo(IllegalArgumentException.class.getName());
			assertThat(described.message()).isEqualTo("bad input");
			assertThat(described.frames()).extracting(StackFrameDescriptor::method).containsExactly("parse", "quote");
			assertThat(described.omittedFrames()).isOne();
		});
		assertThat(descriptor.stackTrace()).contains("Caused by: java.lang.IllegalArgumentException: bad input");
	}

	@Test
	void stopsAtACauseCycle() {
		IllegalStateException first = new IllegalStateException("first");
		IllegalStateException second = new IllegalStateException("second", first);
		first.initCause(second);
		ExceptionDescriptor descriptor = ExceptionDescriptor.of(first, new ApplicationCode(List.of(this.classes)));
		assertThat(descriptor.causes()).extracting(ExceptionDescriptor.CauseDescriptor::message)
			.containsExactly("second");
	}

	private static StackTraceElement frame(String className, String method, int line) {
		String simpleName = className.substring(className.lastIndexOf('.') + 1).replaceAll("\\$.*", "");
		return new StackTraceElement(className, method, simpleName + ".java", line);
	}

}

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
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.reload.CompiledClasses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AnnotatedClassScan}, on class files compiled at test time.
 */
class AnnotatedClassScanTests {

	@TempDir
	static Path root;

	private static CompiledClasses classes;

	private RecordingClassLoader classLoader;

	@BeforeAll
	static void compile() throws IOException {
		classes = new CompiledClasses(root);
		compile("acme.app.Annotated", "public class Annotated { @dev.hotrestart.HotRestart public void run() {} }");
		compile("acme.app.TypeAnnotated", "@dev.hotrestart.HotRestart public class TypeAnnotated {}");
		compile("acme.app.Plain", "public class Plain { public void run() {} }");
		compile("acme.app.Mentions",
				"public class Mentions { public Class<?> type() { return dev.hotrestart.HotRestart.class; } "
						+ "public void take(dev.hotrestart.HotRestart annotation) {} }");
		compile("acme.app.Debug",
				"@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) "
						+ "@dev.hotrestart.HotRestart public @interface Debug {}\n"
						+ "class MetaUser { @Debug public void run() {} }");
		compile("acme.app.sub.Deep", "public class Deep { @dev.hotrestart.HotRestart public void run() {} }");
		compile("acme.other.Outside", "public class Outside { @dev.hotrestart.HotRestart public void run() {} }");
		compile("acme.app.Broken",
				"public class Broken { @dev.hotrestart.HotRestart public void run(Gone gone) {} }\n" + "class Gone {}");
		Files.delete(classes.classFile("acme.app.Gone"));
	}

	private static void compile(String className, String body) {
		String packageName = className.substring(0, className.lastIndexOf('.'));
		classes.compile(className, "package " + packageName + ";\n" + body);
	}

	@BeforeEach
	void createClassLoader() throws MalformedURLException {
		this.classLoader = new RecordingClassLoader(classes.directory().toUri().toURL());
	}

	@Test
	void findsTheClassesOfThePackagesThatDeclareTheAnnotationDirectlyOrThroughAMetaAnnotation() {
		// Broken names a missing class in a method signature: it is skipped, not fatal
		List<Class<?>> found = AnnotatedClassScan.find(List.of(classes.directory()), List.of("acme.app"),
				this.classLoader);
		assertThat(found).extracting(Class::getName)
			.containsExactlyInAnyOrder("acme.app.Annotated", "acme.app.TypeAnnotated", "acme.app.MetaUser",
					"acme.app.sub.Deep");
	}

	@Test
	void loadsNoClassWhoseFileDoesNotMentionTheAnnotation() {
		AnnotatedClassScan.find(List.of(classes.directory()), List.of("acme.app"), this.classLoader);
		assertThat(this.classLoader.loaded).doesNotContain("acme.app.Plain", "acme.other.Outside")
			.contains("acme.app.Mentions", "acme.app.Debug");
	}

	@Test
	void theEmptyPackageIsTheWholeDirectoryAndMissingPackagesAreNoError() {
		List<Class<?>> found = AnnotatedClassScan.find(List.of(classes.directory(), root.resolve("gone")),
				List.of("", "com.nowhere"), this.classLoader);
		assertThat(found).extracting(Class::getName).contains("acme.other.Outside", "acme.app.Annotated");
	}

	static class RecordingClassLoader extends URLClassLoader {

		final Set<String> loaded = ConcurrentHashMap.newKeySet();

		RecordingClassLoader(URL directory) {
			super(new URL[] { directory }, AnnotatedClassScanTests.class.getClassLoader());
		}

		@Override
		protected Class<?> findClass(String name) throws ClassNotFoundException {
			this.loaded.add(name);
			return super.findClass(name);
		}

	}

}

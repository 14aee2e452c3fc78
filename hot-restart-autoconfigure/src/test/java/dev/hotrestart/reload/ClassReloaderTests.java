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
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ClassReloader}: real class files compiled at test time, loaded by a
 * real class loader and redefined through a real
 * {@link java.lang.instrument.Instrumentation}. Each test uses a class name of its own,
 * as redefinitions last as long as the JVM.
 */
class ClassReloaderTests {

	@TempDir
	Path classes;

	private URLClassLoader loader;

	private ClassReloader reloader;

	private int compilations;

	@BeforeEach
	void createReloader() throws IOException {
		this.loader = new URLClassLoader(new URL[] { this.classes.toUri().toURL() }, getClass().getClassLoader());
		ClassFileBaseline baseline = new ClassFileBaseline(List.of(this.classes), Long.MAX_VALUE);
		this.reloader = new ClassReloader(baseline, new InstrumentationProvider());
	}

	@AfterEach
	void closeLoader() throws IOException {
		this.loader.close();
	}

	@Test
	void changedMethodBodyIsRedefinedInPlace() throws Exception {
		compile("fixture.BodyChange", "public String greet() { return \"broken\"; }");
		Object greeter = instantiate("fixture.BodyChange");
		this.reloader.prepare();
		compile("fixture.BodyChange", "public String greet() { return \"fixed\"; }");

		ReloadResult result = this.reloader.reloadChangedClasses();

		assertThat(result.reloaded()).containsExactly("fixture.BodyChange");
		assertThat(greet(greeter)).as("the existing instance runs the new code").isEqualTo("fixed");
		assertThat(this.reloader.reloadChangedClasses()).isEqualTo(ReloadResult.nothingChanged());
	}

	@Test
	void refusedChangeLeavesTheOldCodeAndIsRefusedAgainNextTime() throws Exception {
		compile("fixture.NewMethod", "public String greet() { return \"old\"; }");
		Object greeter = instantiate("fixture.NewMethod");
		this.reloader.prepare();
		compile("fixture.NewMethod", "public String greet() { return helper(); } String helper() { return \"new\"; }");

		assertThatExceptionOfType(ReloadRefusedException.class).isThrownBy(this.reloader::reloadChangedClasses)
			.withMessageContaining("fixture.NewMethod")
			.withMessageContaining("attempted to add a method")
			.withMessageContaining("the call stays parked")
			.satisfies((ex) -> assertThat(ex.getClassNames()).containsExactly("fixture.NewMethod"));
		assertThat(greet(greeter)).isEqualTo("old");
		assertThatExceptionOfType(ReloadRefusedException.class).isThrownBy(this.reloader::reloadChangedClasses);
	}

	@Test
	void changedClassThatIsNotLoadedNeedsNothing() throws Exception {
		compile("fixture.NeverLoaded", "public String greet() { return \"v1\"; }");
		this.reloader.prepare();
		compile("fixture.NeverLoaded", "public String greet() { return \"v2\"; }");

		ReloadResult result = this.reloader.reloadChangedClasses();

		assertThat(result.reloaded()).isEmpty();
		assertThat(result.notLoaded()).containsExactly("fixture.NeverLoaded");
		assertThat(greet(instantiate("fixture.NeverLoaded"))).isEqualTo("v2");
	}

	@Test
	void pendingChangesNameTheChangedClassesWithoutReloading() throws Exception {
		compile("fixture.Pending", "public String greet() { return \"v1\"; }");
		Object greeter = instantiate("fixture.Pending");
		this.reloader.prepare();
		compile("fixture.Pending", "public String greet() { return \"v2\"; }");

		assertThat(this.reloader.pendingChanges()).containsExactly("fixture.Pending");
		assertThat(greet(greeter)).isEqualTo("v1");
	}

	@Test
	void classOfAnUnrelatedLoaderIsLeftAlone() throws Exception {
		compile("fixture.Discarded", "int extra; public String greet() { return \"discarded\"; }");
		Object discarded;
		try (URLClassLoader discardedLoader = new URLClassLoader(new URL[] { this.classes.toUri().toURL() },
				getClass().getClassLoader())) {
			discarded = discardedLoader.loadClass("fixture.Discarded").getConstructor().newInstance();
		}
		compile("fixture.Discarded", "public String greet() { return \"v1\"; }");
		Object current = instantiate("fixture.Discarded");
		ClassReloader reloader = new ClassReloader(new ClassFileBaseline(List.of(this.classes), Long.MAX_VALUE),
				new InstrumentationProvider(), this.loader);
		reloader.prepare();
		compile("fixture.Discarded", "public String greet() { return \"v2\"; }");

		ReloadResult result = reloader.reloadChangedClasses();

		assertThat(result.reloaded()).containsExactly("fixture.Discarded");
		assertThat(greet(current)).isEqualTo("v2");
		assertThat(greet(discarded)).as("a discarded loader's older class, with another schema").isEqualTo("discarded");
	}

	private Object instantiate(String className) throws ReflectiveOperationException {
		return this.loader.loadClass(className).getConstructor().newInstance();
	}

	private static String greet(Object greeter) throws ReflectiveOperationException {
		return (String) greeter.getClass().getMethod("greet").invoke(greeter);
	}

	private void compile(String className, String body) {
		String simpleName = className.substring(className.lastIndexOf('.') + 1);
		String source = "package fixture; public class " + simpleName + " { " + body + " }";
		JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className.replace('.', '/') + ".java"),
				JavaFileObject.Kind.SOURCE) {

			@Override
			public CharSequence getCharContent(boolean ignoreEncodingErrors) {
				return source;
			}

		};
		StringWriter diagnostics = new StringWriter();
		boolean compiled = ToolProvider.getSystemJavaCompiler()
			.getTask(diagnostics, null, null, List.of("--release", "17", "-d", this.classes.toString()), null,
					List.of(unit))
			.call();
		assertThat(compiled).as(diagnostics.toString()).isTrue();
		// A distinct time stamp for every compilation, whatever the file system's
		// resolution
		this.compilations++;
		assertThat(this.classes.resolve(className.replace('.', '/') + ".class")
			.toFile()
			.setLastModified(1_000_000_000_000L + this.compilations * 1000L)).isTrue();
	}

}

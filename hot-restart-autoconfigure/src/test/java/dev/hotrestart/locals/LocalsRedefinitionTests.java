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

package dev.hotrestart.locals;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.CompiledClasses;
import dev.hotrestart.reload.InstrumentationProvider;
import dev.hotrestart.reload.ReloadNote;
import dev.hotrestart.reload.ReloadRefusedException;
import dev.hotrestart.reload.ReloadResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Instrumented classes stay reloadable: a continue redefines them with the developer's
 * new class files, which the JVM instruments in turn, and the explanations of refused
 * changes compare the developer's class files, never the instrumented ones. Real class
 * files, real redefinition, a real class loader; each test uses its own class names, as
 * redefinitions last as long as the JVM.
 *
 * @author hot-restart authors
 */
class LocalsRedefinitionTests {

	private static final String TARIFFS = """
			package demo;

			import java.util.Map;

			public class %s {

				private static final Map<String, Double> PRICES = Map.of("EARTH", 1.5);

				public double perBox(String zone, int boxes) {
					%s
				}

			}
			""";

	private static final String BUGGY = """
			String key = zone.toUpperCase();
					Double price = PRICES.get(key);
					return price * boxes;""";

	@TempDir
	Path root;

	private InstrumentedClasses classes;

	@AfterEach
	void removeTransformer() throws Exception {
		if (this.classes != null) {
			this.classes.close();
		}
	}

	@Test
	void reloadedClassRecordsTheVariablesOfItsNewCode() throws Exception {
		ClassReloader reloader = loadTariffs("ReloadedTariffs");
		this.classes.compile("demo.ReloadedTariffs", TARIFFS.formatted("ReloadedTariffs", """
				String normalized = zone.strip().toUpperCase();
						Double rate = PRICES.get(normalized);
						return rate * boxes;"""));

		ReloadResult result = reloader.reloadChangedClasses();

		assertThat(result.reloaded()).containsExactly("demo.ReloadedTariffs");
		assertThat(result.warnings()).isEmpty();
		Throwable failure = this.classes.failureOf("demo.ReloadedTariffs", "perBox", " mars ", 2);
		assertThat(InstrumentedClasses.localsOf(failure, "demo.ReloadedTariffs", "perBox")).containsExactly(
				entry("zone", " mars "), entry("boxes", "2"), entry("normalized", "MARS"), entry("rate", "null"));
	}

	@Test
	void refusalNamesOnlyTheDevelopersChange() throws Exception {
		ClassReloader reloader = loadTariffs("RefusedTariffs");
		this.classes.compile("demo.RefusedTariffs", TARIFFS.formatted("RefusedTariffs", """
				java.util.function.Function<String, Double> lookup = (key) -> PRICES.get(key.toUpperCase());
						return lookup.apply(zone) * boxes;"""));

		assertThatExceptionOfType(ReloadRefusedException.class).isThrownBy(reloader::reloadChangedClasses)
			.satisfies((ex) -> assertThat(ex.getRefusals())
				.extracting(ReloadNote::className, ReloadNote::member, ReloadNote::cause)
				.containsExactly(tuple("demo.RefusedTariffs", "RefusedTariffs.perBox(String,int)",
						"a new lambda adds method lambda$perBox$0, and this JVM cannot add methods")));
		Throwable failure = this.classes.failureOf("demo.RefusedTariffs", "perBox", "mars", 2);
		assertThat(InstrumentedClasses.localsOf(failure, "demo.RefusedTariffs", "perBox"))
			.as("the old code still runs, instrumented")
			.containsExactly(entry("zone", "mars"), entry("boxes", "2"), entry("key", "MARS"), entry("price", "null"));
	}

	@Test
	void classesLoadedBeforeRecordingStartsAreInstrumentedWhenItStartsUnlessTheirFilesChanged() throws Exception {
		CompiledClasses plain = new CompiledClasses(this.root.resolve("plain"));
		plain.compileWith("demo.EarlyTariffs", TARIFFS.formatted("EarlyTariffs", BUGGY), "-g", "-parameters");
		plain.compileWith("demo.ChangedTariffs", TARIFFS.formatted("ChangedTariffs", BUGGY), "-g", "-parameters");
		ClassFileBaseline baseline = plain.recordBaseline();
		try (URLClassLoader loader = plain.newClassLoader()) {
			Object early = Class.forName("demo.EarlyTariffs", true, loader).getDeclaredConstructor().newInstance();
			Object changed = Class.forName("demo.ChangedTariffs", true, loader).getDeclaredConstructor().newInstance();
			Throwable before = failure(early, "mars");
			assertThat(InstrumentedClasses.localsOf(before, "demo.EarlyTariffs", "perBox")).isNull();
			plain.compileWith("demo.ChangedTariffs",
					TARIFFS.formatted("ChangedTariffs", "return PRICES.get(zone.toUpperCase()) * boxes * 2;"), "-g",
					"-parameters");

			LocalsInstallation.switchOff();
			LocalsInstallation.switchOn();
			try {
				int instrumented = LocalsInstallation.activate(InstrumentedClasses.instrumentation(),
						new ApplicationClasses(List.of(plain.directory())), baseline::isCurrent);
				assertThat(instrumented).isOne();
				assertThat(LocalsInstallation.isActive()).isTrue();
				Throwable after = failure(early, "venus");
				assertThat(InstrumentedClasses.localsOf(after, "demo.EarlyTariffs", "perBox")).containsExactly(
						entry("zone", "venus"), entry("boxes", "2"), entry("key", "VENUS"), entry("price", "null"));
				assertThat(parameterNames(early)).as("nothing of the class file is lost")
					.containsExactly("zone", "boxes");
				Throwable unchanged = failure(changed, "venus");
				assertThat(InstrumentedClasses.localsOf(unchanged, "demo.ChangedTariffs", "perBox"))
					.as("its class file changed: left for the next reload to instrument, the old code running")
					.isNull();
				assertThat(unchanged).hasMessageContaining("\"price\" is null");
			}
			finally {
				LocalsInstallation.switchOff();
				LocalsInstallation.switchOn();
			}
			Throwable restored = failure(early, "pluto");
			assertThat(InstrumentedClasses.localsOf(restored, "demo.EarlyTariffs", "perBox"))
				.as("switching off restores the class")
				.isNull();
			assertThat(parameterNames(early)).containsExactly("zone", "boxes");
		}
	}

	private static List<String> parameterNames(Object tariffs) throws NoSuchMethodException {
		return java.util.Arrays.stream(tariffs.getClass().getMethod("perBox", String.class, int.class).getParameters())
			.map(java.lang.reflect.Parameter::getName)
			.toList();
	}

	private ClassReloader loadTariffs(String simpleName) throws Exception {
		this.classes = new InstrumentedClasses(this.root);
		this.classes.compile("demo." + simpleName, TARIFFS.formatted(simpleName, BUGGY));
		ClassFileBaseline baseline = this.classes.classes().recordBaseline();
		Class<?> type = this.classes.load("demo." + simpleName);
		assertThat(this.classes.transformer().getInstrumented()).as("instrumented as it loaded").isOne();
		return new ClassReloader(baseline, new InstrumentationProvider(), type.getClassLoader());
	}

	private static Throwable failure(Object tariffs, String zone) throws Exception {
		try {
			tariffs.getClass().getMethod("perBox", String.class, int.class).invoke(tariffs, zone, 2);
		}
		catch (java.lang.reflect.InvocationTargetException ex) {
			return ex.getCause();
		}
		throw new AssertionError("perBox did not throw");
	}

}

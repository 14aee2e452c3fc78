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

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.locals.LocalsInstrumenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class instrumented to record its local variables has the very shape of the
 * developer's class file: no member, nest or attribute the shape checks look at is added,
 * so they could never report the additions as the developer's change (they compare the
 * developer's class files anyway), and the JVM redefines an instrumented class with an
 * instrumented new version of it.
 *
 * @author hot-restart authors
 */
class InstrumentedClassShapeTests {

	@TempDir
	Path root;

	@Test
	void instrumentedClassHasTheShapeOfTheDevelopersClassFile() throws Exception {
		CompiledClasses classes = new CompiledClasses(this.root);
		classes.compileWith("demo.Everything", """
				package demo;

				import java.util.List;
				import java.util.concurrent.TimeUnit;

				public class Everything {

					private static final List<String> NAMES = List.of("a", "b");

					private int counter;

					public Everything() {
						this.counter = NAMES.size();
					}

					public String describe(TimeUnit unit, long amount) {
						assert amount >= 0;
						Runnable task = new Runnable() {
							@Override
							public void run() {
								Everything.this.counter++;
							}
						};
						task.run();
						String label = switch (unit) {
							case SECONDS -> "s";
							default -> unit.name();
						};
						return NAMES.stream().map((name) -> name + amount + label).reduce("", String::concat);
					}

					record Pair(String left, int right) {
					}

				}
				""", "-g", "-parameters");
		byte[] original = Files.readAllBytes(classes.classFile("demo.Everything"));

		byte[] instrumented = LocalsInstrumenter.instrument(original);

		assertThat(instrumented).isNotNull().isNotEqualTo(original);
		assertThat(ClassShapeReader.shape(instrumented)).isEqualTo(ClassShapeReader.shape(original));
		ChangeNotes notes = new ChangeExplainer(false).explain(ClassShapeReader.shape(original),
				ClassShapeReader.parse(instrumented));
		assertThat(notes.refusals()).isEmpty();
		assertThat(notes.warnings()).isEmpty();
	}

}

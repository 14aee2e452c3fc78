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
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for the rows of the README's refusal table that {@link ClassReloaderTests} does
 * not cover: each change is compiled for real, refused with the member and cause the
 * table promises, and leaves the old code running.
 *
 * @author hot-restart authors
 */
class RefusalTableTests {

	private static final String GET = """
			public String get() {
				return quote("a", 1);
			}
			""";

	private static final String PRICE = """
			public String get() {
				return String.valueOf(price(1));
			}

			%s price(int amount) {
				return "%s";
			}
			""";

	private static final String WORDS = """
			public String get() {
				return %s;
			}

			String quote(%s words) {
				return "%s";
			}
			""";

	@TempDir
	Path root;

	@ParameterizedTest(name = "{0}")
	@MethodSource("changes")
	void changeTheJvmCannotApplyIsRefusedWithItsReason(String row, String before, String after, String member,
			String cause) throws IOException {
		String simpleName = "Row" + Math.abs(row.hashCode());
		CompiledClasses classes = new CompiledClasses(this.root);
		classes.compile("demo." + simpleName, before.replace("$NAME", simpleName));
		ClassFileBaseline baseline = classes.recordBaseline();
		try (URLClassLoader loader = classes.newClassLoader()) {
			Supplier<String> service = ClassReloaderTests.instantiate(loader, simpleName);
			assertThat(service.get()).isEqualTo("old");
			classes.compile("demo." + simpleName, after.replace("$NAME", simpleName));

			ClassReloader reloader = new ClassReloader(baseline, new InstrumentationProvider(), loader, false);
			assertThatExceptionOfType(ReloadRefusedException.class).isThrownBy(reloader::reloadChangedClasses)
				.satisfies((ex) -> assertThat(ex.getRefusals())
					.extracting(ReloadNote::className, ReloadNote::member, ReloadNote::cause)
					.contains(tuple("demo." + simpleName, member.replace("$NAME", simpleName),
							cause.replace("$NAME", simpleName))));
			assertThat(service.get()).as("the old code still runs").isEqualTo("old");
		}
	}

	static Stream<Object[]> changes() {
		return Stream.of(
				row("removed field", members("int count;", "old"), members("", "new"), "$NAME.count",
						"field `count` was removed, and this JVM cannot remove fields"),
				row("retyped field", members("int count;", "old"), members("long count;", "new"), "$NAME.count",
						"type of field `count` changed from int to long, and this JVM cannot change fields"),
				row("reordered fields", members("int first;\nint second;", "old"),
						members("int second;\nint first;", "new"), "$NAME",
						"the order of the fields changed from first, second to second, first, and this JVM cannot "
								+ "change the field layout; put them back in their old order"),
				row("changed return type", type("", PRICE.formatted("String", "old")),
						type("", PRICE.formatted("Object", "new")), "$NAME.price(int)",
						"return type of `price(int)` changed from String to Object, and this JVM cannot change "
								+ "method signatures"),
				row("static", members("", "old"), members("", "new").replace("String quote(", "static String quote("),
						"$NAME.quote(String,int)",
						"modifiers of `quote(String,int)` changed from `package-private` "
								+ "to `static`, and this JVM cannot change method modifiers"),
				row("visibility", members("", "old"),
						members("", "new").replace("String quote(", "public String quote("), "$NAME.quote(String,int)",
						"modifiers of `quote(String,int)` changed from `package-private` to `public`, and this JVM "
								+ "cannot change method modifiers"),
				row("varargs", type("", WORDS.formatted("quote(\"a\")", "String...", "old")),
						type("", WORDS.formatted("quote(new String[] { \"a\" })", "String[]", "new")),
						"$NAME.quote(String[])",
						"modifiers of `quote(String[])` changed from `varargs` to "
								+ "`package-private`, and this JVM cannot change method modifiers"),
				row("superclass", members("", "old"),
						members("", "new").replace("public class $NAME", "public class $NAME extends java.util.Random"),
						"$NAME",
						"superclass changed from Object to Random, and this JVM cannot change the superclass "
								+ "or interfaces"),
				row("permitted subclasses", sealed("old", true), sealed("new", false), "$NAME",
						"permitted subclasses changed from `$NAME$A, $NAME$B` to `$NAME$A`, and this JVM cannot "
								+ "change the permitted subclasses of a sealed class"),
				row("record components", record("int a", "0", "old"), record("int a, int b", "0, 0", "new"), "$NAME",
						"record components changed, and this JVM cannot change record components"),
				row("new constructor", members("", "old"),
						members("public $NAME() {\n}\n\npublic $NAME(int n) {\n}", "new"), "$NAME(int)",
						"new constructor `$NAME(int)`, and this JVM cannot add methods"),
				row("method reference javac turns into a lambda", members("", "old"),
						members("", "new").replace("return \"new\";",
								"IntFunction<String[]> words = String[]::new;\nreturn words.apply(1).length + \"new\";")
							.replace("import java.util.function.Supplier;",
									"import java.util.function.IntFunction;\nimport java.util.function.Supplier;"),
						"$NAME.quote(String,int)",
						"a new lambda adds method lambda$quote$0, and this JVM cannot add methods"),
				row("named nested class", members("", "old"),
						members("static class Helper {\n}", "new").replace("return \"new\";",
								"return new Helper() != null ? \"new\" : \"\";"),
						"$NAME", "new nested class $NAME$Helper, and this JVM cannot add nested classes"),
				row("local class", members("", "old"),
						members("", "new").replace("return \"new\";",
								"class Local {\n}\nreturn new Local() != null ? \"new\" : \"\";"),
						"$NAME.quote(String,int)",
						"new local class `Local` ($NAME$1Local), and this JVM cannot add nested classes"));
	}

	@Test
	void methodReferenceJavacCompilesWithoutALambdaIsReloaded() throws IOException {
		CompiledClasses classes = new CompiledClasses(this.root);
		classes.compile("demo.PlainReferenceService", members("", "old").replace("$NAME", "PlainReferenceService"));
		ClassFileBaseline baseline = classes.recordBaseline();
		try (URLClassLoader loader = classes.newClassLoader()) {
			Supplier<String> service = ClassReloaderTests.instantiate(loader, "PlainReferenceService");
			classes.compile("demo.PlainReferenceService",
					members("", "new")
						.replace("return \"new\";", "Supplier<String> word = \"new\"::trim;\nreturn word.get();")
						.replace("$NAME", "PlainReferenceService"));

			ReloadResult result = new ClassReloader(baseline, new InstrumentationProvider(), loader, false)
				.reloadChangedClasses();

			assertThat(result.reloaded()).containsExactly("demo.PlainReferenceService");
			assertThat(service.get()).isEqualTo("new");
		}
	}

	private static Object[] row(String name, String before, String after, String member, String cause) {
		return new Object[] { name, before, after, member, cause };
	}

	private static String members(String extra, String word) {
		return type(extra, GET + "\nString quote(String s, int n) {\nreturn \"" + word + "\";\n}\n");
	}

	private static String type(String extra, String members) {
		return "package demo;\n\nimport java.util.function.Supplier;\n\npublic class $NAME implements Supplier<String> {\n\n"
				+ extra + "\n\n" + members + "\n}\n";
	}

	private static String sealed(String word, boolean bothPermitted) {
		return "package demo;\n\nimport java.util.function.Supplier;\n\npublic sealed class $NAME implements "
				+ "Supplier<String> permits $NAME.A" + (bothPermitted ? ", $NAME.B" : "") + " {\n\n" + GET
				+ "\nString quote(String s, int n) {\nreturn \"" + word + "\";\n}\n\n"
				+ "static final class A extends $NAME {\n}\n\nstatic final class B"
				+ (bothPermitted ? " extends $NAME" : "") + " {\n}\n\n}\n";
	}

	private static String record(String components, String defaults, String word) {
		return "package demo;\n\nimport java.util.function.Supplier;\n\npublic record $NAME(" + components
				+ ") implements Supplier<String> {\n\npublic $NAME() {\nthis(" + defaults + ");\n}\n\n" + GET
				+ "\nString quote(String s, int n) {\nreturn \"" + word + "\";\n}\n\n}\n";
	}

}

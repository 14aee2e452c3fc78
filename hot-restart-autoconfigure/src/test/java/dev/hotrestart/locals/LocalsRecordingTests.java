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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Local variables recorded by real classes, compiled at test time and instrumented as
 * they load through this JVM's real instrumentation.
 *
 * @author hot-restart authors
 */
class LocalsRecordingTests {

	@TempDir
	Path root;

	private InstrumentedClasses classes;

	@BeforeEach
	void instrument() {
		this.classes = new InstrumentedClasses(this.root);
	}

	@AfterEach
	void removeTransformer() throws Exception {
		this.classes.close();
	}

	@Test
	void throwingFrameShowsItsAssignedVariablesAndItsCallerItsOwn() throws Exception {
		this.classes.compile("shop.Tariffs", """
				package shop;

				import java.util.Map;

				public class Tariffs {

					private final Map<String, Double> map = Map.of("EARTH", 1.5);

					public double perBox(String zone, int boxes) {
						String key = zone.toUpperCase();
						Double price = this.map.get(key);
						double total = price * boxes;
						return total;
					}

				}
				""").compile("shop.ShippingService", """
				package shop;

				import java.util.Map;

				public class ShippingService {

					private final Tariffs tariffs = new Tariffs();

					private final Map<String, String> zones = Map.of("SpaceX", "MARS");

					public String ship(String carrier, int boxes) {
						return carrier + ": " + this.tariffs.perBox(this.zones.get(carrier), boxes);
					}

				}
				""");
		Throwable failure = this.classes.failureOf("shop.ShippingService", "ship", "SpaceX", 3);

		assertThat(failure).isInstanceOf(NullPointerException.class);
		assertThat(InstrumentedClasses.localsOf(failure, "shop.Tariffs", "perBox"))
			.containsExactly(entry("zone", "MARS"), entry("boxes", "3"), entry("key", "MARS"), entry("price", "null"));
		assertThat(InstrumentedClasses.localsOf(failure, "shop.ShippingService", "ship"))
			.containsExactly(entry("carrier", "SpaceX"), entry("boxes", "3"));
	}

	@Test
	void causeShowsTheVariablesOfTheFramesItLeftAndTheWrapperThoseOfItsOwn() throws Exception {
		this.classes.compile("demo.Prices", """
				package demo;

				public class Prices {

					public int price(String sku, int quantity) {
						try {
							int unit = unitPrice(sku);
							return unit * quantity;
						}
						catch (NumberFormatException ex) {
							String reason = "No valid unit price in SKU '" + sku + "'";
							throw new IllegalStateException(reason, ex);
						}
					}

					int unitPrice(String sku) {
						String digits = sku.substring(0, sku.indexOf('-'));
						return Integer.parseInt(digits);
					}

				}
				""");
		Throwable failure = this.classes.failureOf("demo.Prices", "price", "A-12", 3);

		assertThat(InstrumentedClasses.localsOf(failure, "demo.Prices", "price")).containsExactly(entry("sku", "A-12"),
				entry("quantity", "3"), entry("ex", failure.getCause().toString()),
				entry("reason", "No valid unit price in SKU 'A-12'"));
		Throwable cause = failure.getCause();
		assertThat(InstrumentedClasses.localsOf(cause, "demo.Prices", "unitPrice"))
			.containsExactly(entry("sku", "A-12"), entry("digits", "A"));
		assertThat(InstrumentedClasses.localsOf(cause, "demo.Prices", "price")).as("the cause never left price")
			.isNull();
	}

	@Test
	void lambdaBodyShowsItsParameterAndWhatItCaptured() throws Exception {
		this.classes.compile("demo.Orders", """
				package demo;

				import java.util.List;

				public class Orders {

					public int total(List<String> lines, int multiplier) {
						int offset = 1;
						return lines.stream().mapToInt((line) -> {
							int parsed = Integer.parseInt(line.trim());
							return parsed * multiplier + offset;
						}).sum();
					}

				}
				""");
		Throwable failure = this.classes.failureOf("demo.Orders", "total", List.of("1", "x"), 2);

		assertThat(failure).isInstanceOf(NumberFormatException.class);
		assertThat(InstrumentedClasses.localsOf(failure, "demo.Orders", "lambda$total$0"))
			.containsOnly(entry("multiplier", "2"), entry("offset", "1"), entry("line", "x"));
		assertThat(InstrumentedClasses.localsOf(failure, "demo.Orders", "total"))
			.containsExactly(entry("lines", "[1, x]"), entry("multiplier", "2"), entry("offset", "1"));
	}

	@Test
	void methodThatCatchesAndRethrowsShowsItsVariablesAtTheRethrow() throws Exception {
		this.classes.compile("demo.Importer", """
				package demo;

				public class Importer {

					public void load(String file) {
						int attempts = 0;
						try {
							attempts++;
							parse(file);
						}
						catch (IllegalArgumentException ex) {
							String logged = "failed " + file;
							throw ex;
						}
					}

					void parse(String file) {
						throw new IllegalArgumentException("bad " + file);
					}

				}
				""");
		Throwable failure = this.classes.failureOf("demo.Importer", "load", "prices.csv");

		assertThat(InstrumentedClasses.localsOf(failure, "demo.Importer", "load")).containsExactly(
				entry("file", "prices.csv"), entry("attempts", "1"), entry("ex", failure.toString()),
				entry("logged", "failed prices.csv"));
		assertThat(InstrumentedClasses.localsOf(failure, "demo.Importer", "parse"))
			.containsExactly(entry("file", "prices.csv"));
		assertThat(CapturedFrames.INSTANCE.of(failure)).as("one record per frame left").hasSize(2);
	}

	@Test
	void exceptionHandledInsideAMethodIsRecordedOnlyForTheFramesItLeft() throws Exception {
		this.classes.compile("demo.Parser", """
				package demo;

				public class Parser {

					public Throwable handled;

					public int parseOr(String text, int fallback) {
						try {
							return parse(text);
						}
						catch (NumberFormatException ex) {
							this.handled = ex;
							return fallback;
						}
					}

					int parse(String text) {
						String trimmed = text.trim();
						return Integer.parseInt(trimmed);
					}

					public int direct(String text) {
						try {
							return Integer.parseInt(text);
						}
						catch (NumberFormatException ex) {
							this.handled = ex;
							return -1;
						}
					}

				}
				""");
		Class<?> type = this.classes.load("demo.Parser");
		Object parser = type.getDeclaredConstructor().newInstance();

		assertThat(type.getMethod("parseOr", String.class, int.class).invoke(parser, " x ", 7)).isEqualTo(7);
		Throwable handledByCaller = (Throwable) type.getField("handled").get(parser);
		assertThat(CapturedFrames.INSTANCE.of(handledByCaller)).singleElement()
			.satisfies((frame) -> assertThat(frame.isOf("demo.Parser", "parse")).isTrue());
		assertThat(InstrumentedClasses.localsOf(handledByCaller, "demo.Parser", "parseOr")).isNull();

		assertThat(type.getMethod("direct", String.class).invoke(parser, "y")).isEqualTo(-1);
		Throwable handledInside = (Throwable) type.getField("handled").get(parser);
		assertThat(handledInside).isNotSameAs(handledByCaller);
		assertThat(CapturedFrames.INSTANCE.of(handledInside)).isEmpty();
	}

	@Test
	void classesWithoutLocalVariableTablesGetPositionalNames() throws Exception {
		String source = """
				package demo;

				public class %s {

					public int ratio(String label, int count) {
						int doubled = count * 2;
						String text = label.trim();
						Object nothing = null;
						return text.length() + doubled / nothing.hashCode();
					}

				}
				""";
		this.classes.compileWithoutDebugInformation("demo.Legacy", source.formatted("Legacy"))
			.compileWithoutDebugInformation("demo.LegacyWithParameters", source.formatted("LegacyWithParameters"),
					"-parameters");

		Throwable failure = this.classes.failureOf("demo.Legacy", "ratio", " a ", 4);
		assertThat(InstrumentedClasses.localsOf(failure, "demo.Legacy", "ratio")).containsExactly(entry("arg0", " a "),
				entry("arg1", "4"), entry("local3", "8"), entry("local4", "a"), entry("local5", "null"));
		failure = this.classes.failureOf("demo.LegacyWithParameters", "ratio", " a ", 4);
		assertThat(InstrumentedClasses.localsOf(failure, "demo.LegacyWithParameters", "ratio")).containsExactly(
				entry("label", " a "), entry("count", "4"), entry("local3", "8"), entry("local4", "a"),
				entry("local5", "null"));
	}

	@Test
	void everyKindOfValueIsRecordedAndTheMethodBehavesAsBefore() throws Exception {
		this.classes.compile("demo.Mixed", """
				package demo;

				public class Mixed {

					public String compute(long seed, double factor, boolean fail, char letter, byte small, short medium,
							float ratio, int[] values) {
						long sum = seed;
						for (int i = 0; i < values.length; i++) {
							sum += values[i];
						}
						double scaled = sum * factor;
						switch (letter) {
							case 'a':
								scaled += 1;
								break;
							default:
								scaled -= 1;
						}
						synchronized (this) {
							if (fail) {
								throw new IllegalStateException("at " + scaled);
							}
						}
						return sum + ":" + scaled + ":" + small + medium + ratio;
					}

				}
				""");
		Class<?> type = this.classes.load("demo.Mixed");
		Object mixed = type.getDeclaredConstructor().newInstance();
		java.lang.reflect.Method compute = type.getMethods()[0].getName().equals("compute") ? type.getMethods()[0]
				: java.util.Arrays.stream(type.getMethods())
					.filter((method) -> method.getName().equals("compute"))
					.findFirst()
					.orElseThrow();
		assertThat(compute.invoke(mixed, 5L, 2.0, false, 'a', (byte) 1, (short) 2, 0.5f, new int[] { 1, 2 }))
			.isEqualTo("8:17.0:120.5");

		Throwable failure = this.classes.failureOf("demo.Mixed", "compute", 5L, 2.0, true, 'b', (byte) 1, (short) 2,
				0.5f, new int[] { 1, 2 });
		assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("at 15.0");
		assertThat(InstrumentedClasses.localsOf(failure, "demo.Mixed", "compute")).containsExactly(entry("seed", "5"),
				entry("factor", "2.0"), entry("fail", "true"), entry("letter", "b"), entry("small", "1"),
				entry("medium", "2"), entry("ratio", "0.5"), entry("values", "int[2] {1, 2}"), entry("sum", "8"),
				entry("scaled", "15.0"));
	}

	@Test
	void constructorShowsItsVariablesOnceTheSuperclassIsConstructed() throws Exception {
		this.classes.compile("demo.Accounts", """
				package demo;

				public class Accounts {

					public Object open(String id, int limit) {
						return new Account(id, limit);
					}

					static class Account {

						private final String id;

						Account(String id, int limit) {
							super();
							String normalized = id.trim();
							if (limit < 0) {
								throw new IllegalArgumentException("limit " + limit);
							}
							this.id = normalized;
						}

					}

				}
				""");
		Throwable failure = this.classes.failureOf("demo.Accounts", "open", " x ", -1);

		assertThat(InstrumentedClasses.localsOf(failure, "demo.Accounts$Account", "<init>"))
			.containsExactly(entry("id", " x "), entry("limit", "-1"), entry("normalized", "x"));
		assertThat(InstrumentedClasses.localsOf(failure, "demo.Accounts", "open")).containsExactly(entry("id", " x "),
				entry("limit", "-1"));
	}

	@Test
	void recursiveFramesEachShowTheirOwnValues() throws Exception {
		this.classes.compile("demo.Countdown", """
				package demo;

				public class Countdown {

					public int down(int n) {
						int half = n / 2;
						if (n == 0) {
							return 10 / n;
						}
						return down(n - 1) + half;
					}

				}
				""");
		Throwable failure = this.classes.failureOf("demo.Countdown", "down", 3);

		StackTraceElement[] trace = failure.getStackTrace();
		assertThat(ThrowSiteLocals.of(failure, trace).subList(0, 4)).containsExactly(Map.of("n", "0", "half", "0"),
				Map.of("n", "1", "half", "0"), Map.of("n", "2", "half", "1"), Map.of("n", "3", "half", "1"));
	}

	@Test
	void stackOverflowStillPropagatesAndKeepsTheDeepestFrames() throws Exception {
		this.classes.compile("demo.Deep", """
				package demo;

				public class Deep {

					public int deep(int n) {
						int next = n + 1;
						return deep(next) + 1;
					}

				}
				""");
		Throwable failure = this.classes.failureOf("demo.Deep", "deep", 0);

		assertThat(failure).isInstanceOf(StackOverflowError.class);
		List<CapturedFrame> frames = CapturedFrames.INSTANCE.of(failure);
		assertThat(frames).hasSizeBetween(1, 256);
		assertThat(frames).allSatisfy((frame) -> assertThat(frame.isOf("demo.Deep", "deep")).isTrue());
	}

	@Test
	void nothingIsRecordedWhileCapturingIsSwitchedOff() throws Exception {
		this.classes.compile("demo.Quiet", """
				package demo;

				public class Quiet {

					public int fail(String text) {
						return Integer.parseInt(text);
					}

				}
				""");
		this.classes.load("demo.Quiet");
		LocalsInstallation.switchOff();
		try {
			Throwable failure = this.classes.failureOf("demo.Quiet", "fail", "x");
			assertThat(CapturedFrames.INSTANCE.of(failure)).isEmpty();
			assertThat(InstrumentedClasses.localsOf(failure, "demo.Quiet", "fail")).isNull();
		}
		finally {
			LocalsInstallation.switchOn();
		}
		Throwable failure = this.classes.failureOf("demo.Quiet", "fail", "y");
		assertThat(InstrumentedClasses.localsOf(failure, "demo.Quiet", "fail")).containsExactly(entry("text", "y"));
	}

}

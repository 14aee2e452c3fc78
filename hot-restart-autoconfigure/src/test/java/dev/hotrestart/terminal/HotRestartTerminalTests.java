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

package dev.hotrestart.terminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.framework.ProxyFactory;

import dev.hotrestart.aop.HotRestartInterceptor;
import dev.hotrestart.park.ParkListener;
import dev.hotrestart.park.ParkPolicy;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.CompiledClasses;
import dev.hotrestart.reload.InstrumentationProvider;
import dev.hotrestart.resume.ParkedCallActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HotRestartTerminal}: commands typed into a pipe, as an IDE's run
 * console sends them, on a real Spring proxy around a class compiled at test time, parked
 * on a real thread and reloaded through a real instrumentation.
 */
@Timeout(120)
class HotRestartTerminalTests {

	private static final String BROKEN = """
			public String get() {
				throw new IllegalStateException("no quote yet");
			}
			""";

	@TempDir
	Path root;

	private CompiledClasses classes;

	private ExecutorService callers;

	private HotRestartTerminal terminal;

	private final ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(1),
			() -> java.util.stream.Stream.<ParkListener>ofNullable(this.terminal));

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private PipedOutputStream typed;

	private InputLines input;

	@BeforeEach
	void createCallers() throws IOException {
		this.classes = new CompiledClasses(this.root);
		this.callers = Executors.newCachedThreadPool();
		this.typed = new PipedOutputStream();
		this.input = new InputLines(new PipedInputStream(this.typed), "test-terminal");
	}

	@AfterEach
	void releaseCalls() throws IOException {
		this.parkingLot.releaseAll(Duration.ofSeconds(5));
		this.callers.shutdownNow();
		this.typed.close();
	}

	@Test
	void parkedCallIsPrintedAndTheCommandsSayWhatHappened() throws Exception {
		this.classes.compile("demo.QuoteService", source(BROKEN));
		ClassFileBaseline baseline = this.classes.recordBaseline();
		try (URLClassLoader loader = this.classes.newClassLoader()) {
			startTerminal(baseline, loader);
			CompletableFuture<String> caller = call(loader);

			awaitPrinted("[hot-restart] Call 1 parked: QuoteService.get()\n  arguments: (none)\n"
					+ "  exception: java.lang.IllegalStateException: no quote yet\n"
					+ "  at demo.QuoteService.get(QuoteService.java:8)\n"
					+ "  Fix and recompile, then type: continue 1 (c), abort 1 (a), list (l)\n");

			type("list");
			awaitPrinted("[hot-restart] 1 parked call:\n  1  QuoteService.get()  attempt 1  "
					+ "java.lang.IllegalStateException: no quote yet  (parked, ");

			type("c 7");
			awaitPrinted("[hot-restart] No parked call has ID '7'. Type list (l) to see the parked calls.\n");

			this.classes.compile("demo.QuoteService", source("""
					public String get() {
						Supplier<String> quote = () -> "fixed";
						return quote.get();
					}
					"""));
			type("continue");
			awaitPrinted("[hot-restart] Call 1: refused; the call stays parked.");
			awaitPrinted("  - demo.QuoteService: QuoteService.get(): a new lambda adds method lambda$get$0");
			assertThat(this.parkingLot.get("1").isWaiting()).isTrue();

			this.classes.compile("demo.QuoteService", source("""
					public String get() {
						throw new IllegalStateException("still no quote");
					}
					"""));
			type("c 1");
			awaitPrinted("[hot-restart] Call 1: parked-again (attempt 2). Reloaded QuoteService.\n"
					+ "  exception: java.lang.IllegalStateException: still no quote\n");

			this.classes.compile("demo.QuoteService", source("""
					public String get() {
						return "fixed";
					}
					"""));
			Path file = this.classes.classFile("demo.QuoteService");
			byte[] good = Files.readAllBytes(file);
			Files.write(file, Arrays.copyOf(good, 20));
			type("c 1");
			awaitPrinted("[hot-restart] Call 1: a class file cannot be loaded; the call stays parked.");
			awaitPrinted("  - " + file + " (demo.QuoteService): is truncated or corrupt");
			assertThat(caller).isNotDone();

			Files.write(file, good);
			type("  C   1  ");
			awaitPrinted("[hot-restart] Call 1: resumed. Reloaded QuoteService. Its caller got the answer.\n");
			assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo("fixed");

			type("c");
			awaitPrinted("[hot-restart] Nothing is parked.\n");
		}
	}

	@Test
	void abortWithoutAnIdAbortsTheOldestCallAndBadInputSaysWhatToType() throws Exception {
		this.classes.compile("demo.QuoteService", source(BROKEN));
		ClassFileBaseline baseline = this.classes.recordBaseline();
		try (URLClassLoader loader = this.classes.newClassLoader()) {
			startTerminal(baseline, loader);
			CompletableFuture<String> first = call(loader);
			awaitPrinted("Call 1 parked");
			CompletableFuture<String> second = call(loader);
			awaitPrinted("Call 2 parked");

			type("");
			type("explode now please");
			awaitPrinted("[hot-restart] Too many words in 'explode now please'. Commands: continue [ID] (c)");
			type("restart");
			awaitPrinted("[hot-restart] Unknown command 'restart'. Commands: continue [ID] (c), abort [ID] (a), "
					+ "list (l), help (h).");
			type("a");
			awaitPrinted("[hot-restart] Call 1: aborted. Its caller got the original exception.\n");

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> first.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(IllegalStateException.class);
			assertThat(second).isNotDone();
			type("abort 1");
			awaitPrinted("[hot-restart] Parked call '1' has already left (aborted); nothing waits under this id any "
					+ "more. Type list (l) to see the calls parked now.\n");
			type("l");
			awaitPrinted("[hot-restart] 1 parked call:\n  2  QuoteService.get()");
		}
	}

	@Test
	void readingStartsWhenACallParksAndEndsQuietlyAtTheEndOfInput() throws Exception {
		this.classes.compile("demo.QuoteService", source(BROKEN));
		ClassFileBaseline baseline = this.classes.recordBaseline();
		try (URLClassLoader loader = this.classes.newClassLoader()) {
			startTerminal(baseline, loader);
			assertThat(this.input.isReading()).as("nothing parked yet: standard input is left alone").isFalse();
			call(loader);
			awaitPrinted("Call 1 parked");
			type("help");
			awaitPrinted("[hot-restart] Commands:");
			assertThat(this.input.isReading()).isTrue();

			this.typed.close();

			await().atMost(Duration.ofSeconds(10)).until(() -> !this.input.isReading());
			this.terminal.stop();
			assertThat(this.terminal.isRunning()).isFalse();
		}
	}

	private void startTerminal(ClassFileBaseline baseline, ClassLoader loader) {
		ClassReloader reloader = new ClassReloader(baseline, new InstrumentationProvider(), loader);
		ParkedCallActions actions = new ParkedCallActions(this.parkingLot, reloader, Duration.ofSeconds(10), true);
		ParkedCallFormat format = new ParkedCallFormat(new ApplicationCode(baseline.getDirectories()));
		this.terminal = new HotRestartTerminal(new TerminalCommands(this.parkingLot, actions, format), format,
				this.input, new PrintStream(this.printed, true, StandardCharsets.UTF_8));
		this.terminal.start();
	}

	private void type(String line) throws IOException {
		this.typed.write((line + "\n").getBytes(StandardCharsets.UTF_8));
		this.typed.flush();
	}

	private void awaitPrinted(String text) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
					(output) -> output.contains(text));
	}

	@SuppressWarnings("unchecked")
	private CompletableFuture<String> call(ClassLoader loader) throws Exception {
		Object target = loader.loadClass("demo.QuoteService").getConstructor().newInstance();
		ProxyFactory factory = new ProxyFactory(target);
		factory.addAdvice(new HotRestartInterceptor(() -> this.parkingLot, () -> new ParkPolicy(this.parkingLot)));
		Supplier<String> proxy = (Supplier<String>) factory.getProxy();
		return CompletableFuture.supplyAsync(proxy, this.callers);
	}

	private static String source(String members) {
		return "package demo;\n\nimport java.util.function.Supplier;\n\npublic class QuoteService"
				+ " implements Supplier<String> {\n\n" + members + "\n}\n";
	}

}

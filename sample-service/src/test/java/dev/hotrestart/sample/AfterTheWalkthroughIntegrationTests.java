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

package dev.hotrestart.sample;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import dev.hotrestart.testsupport.Javac;
import dev.hotrestart.testsupport.Javac.JavaSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walkthrough has the reader fix both deliberate bugs in
 * {@code src/main/java} and recompile; {@code mvn verify} must pass afterwards. This
 * makes a copy of the module as the walkthrough leaves it (both fixes in its sources and
 * in its class files) and runs the story tests there, in a JVM of their own, working
 * directory and class path taken from the copy.
 */
class AfterTheWalkthroughIntegrationTests {

	private static final List<Fix> WALKTHROUGH = List.of(
			new Fix(PristineSources.QUOTE_SERVICE, "DISCOUNT_PERCENT_BY_TENS[quantity / 10]",
					"DISCOUNT_PERCENT_BY_TENS[Math.min(quantity / 10, DISCOUNT_PERCENT_BY_TENS.length - 1)]"),
			new Fix(PristineSources.INVOICE_CALCULATOR, "VAT_RATES.get(account.countryCode())",
					"VAT_RATES.getOrDefault(account.countryCode(), BigDecimal.ZERO)"));

	private static final List<String> STORY_TESTS = List.of(
			QuoteStoryIntegrationTests.class.getName()
					+ "#failingRequestParksAndContinueAfterFixAnswersTheWaitingClient",
			BillingStoryIntegrationTests.class.getName());

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void storyTestsPassInAWorkingCopyWhereTheWalkthroughFixedTheBugs(@TempDir Path copy) throws Exception {
		copyTree(Path.of("src"), copy.resolve("src"));
		copyTree(Path.of("target", "classes"), copy.resolve("target/classes"));
		copyTree(Path.of("target", "test-classes"), copy.resolve("target/test-classes"));
		List<JavaSource> fixed = new ArrayList<>();
		for (Fix fix : WALKTHROUGH) {
			fixed.add(fix.applyTo(copy.resolve("src/main/java")));
		}
		Javac.withClassPath(copy.resolve("target/classes") + File.pathSeparator + System.getProperty("java.class.path"))
			.compile(copy.resolve("target/classes"), fixed);

		Path log = copy.resolve("story-tests.log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPathOf(copy),
						Runner.class.getName()));
		command.addAll(STORY_TESTS);
		Process process = new ProcessBuilder(command).directory(copy.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			boolean exited = process.waitFor(4, TimeUnit.MINUTES);
			assertThat(exited).as("the story tests finished").isTrue();
			assertThat(process.exitValue()).as("exit status of the story tests, whose output ends:\n%s", tail(log))
				.isZero();
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static String classPathOf(Path copy) {
		Path classes = Path.of("target", "classes").toAbsolutePath().normalize();
		Path testClasses = Path.of("target", "test-classes").toAbsolutePath().normalize();
		Stream<String> dependencies = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> {
				Path path = Path.of(entry).toAbsolutePath().normalize();
				return !path.equals(classes) && !path.equals(testClasses);
			});
		return Stream
			.concat(Stream.of(copy.resolve("target/test-classes").toString(),
					copy.resolve("target/classes").toString()), dependencies)
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
	}

	private static void copyTree(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	/**
	 * One of the walkthrough's fixes, as the README gives it.
	 *
	 * @param className the class with the bug
	 * @param bug the buggy code
	 * @param fix what the reader writes instead
	 */
	private record Fix(String className, String bug, String fix) {

		JavaSource applyTo(Path sourceDirectory) throws IOException {
			Path file = sourceDirectory.resolve(this.className.replace('.', '/') + ".java");
			String source = Files.readString(file);
			assertThat(source).as("the bug in %s", file).containsOnlyOnce(this.bug);
			String fixed = source.replace(this.bug, this.fix);
			Files.writeString(file, fixed);
			return new JavaSource(this.className, fixed);
		}

	}

	/**
	 * Runs the tests named on the command line ({@code class} or {@code class#method})
	 * and exits with 0 when every one of them ran and passed.
	 */
	static final class Runner {

		private Runner() {
		}

		public static void main(String[] args) {
			LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
			for (String test : args) {
				request.selectors(test.contains("#") ? DiscoverySelectors.selectMethod(test)
						: DiscoverySelectors.selectClass(test));
			}
			SummaryGeneratingListener listener = new SummaryGeneratingListener();
			LauncherFactory.create().execute(request.build(), listener);
			TestExecutionSummary summary = listener.getSummary();
			PrintWriter out = new PrintWriter(System.out, true);
			summary.printTo(out);
			summary.printFailuresTo(out, 100);
			boolean passed = summary.getTestsFoundCount() >= args.length && summary.getTotalFailureCount() == 0
					&& summary.getTestsSucceededCount() == summary.getTestsFoundCount();
			System.exit(passed ? 0 : 1);
		}

	}

}

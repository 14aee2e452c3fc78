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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what the starter adds to the sample's start-up: alternating launches without
 * the hot-restart jars and with the starter (hot restart on), compared by the "Started
 * ... in N seconds" time Spring Boot logs. Prints medians and the difference.
 * <p>
 * Run:
 * {@code mvn -q install -DskipTests && mvn -q -f sample-service test-compile exec:exec -Dbenchmark=StartupCostBenchmark}
 */
public final class StartupCostBenchmark {

	private static final Pattern STARTED = Pattern.compile("Started SampleServiceApplication in ([0-9.]+) seconds");

	private StartupCostBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0 && !args[0].isBlank()) ? Integer.parseInt(args[0]) : 9;
		Path workDirectory = Files.createTempDirectory("startup-cost");
		SampleServiceProcess.Launch withStarter = SampleServiceProcess.Launch.forTests();
		SampleServiceProcess.Launch withoutStarter = SampleServiceProcess.Launch.forTests()
			.withoutClassPathEntries((entry) -> entry.contains("hot-restart-") || entry.contains("byte-buddy-agent"));
		long[] without = new long[runs];
		long[] with = new long[runs];
		for (int run = 0; run < runs; run++) {
			without[run] = startupMillis(workDirectory.resolve("without-" + run), withoutStarter, false);
			with[run] = startupMillis(workDirectory.resolve("with-" + run), withStarter, true);
		}
		long medianWithout = median(without);
		long medianWith = median(with);
		System.out.printf("Start-up of the sample, median of %d alternating launches (Java %s, %d cores)%n%n", runs,
				Runtime.version().feature(), Runtime.getRuntime().availableProcessors());
		System.out.println("| launch | median | min | max |");
		System.out.println("| --- | ---: | ---: | ---: |");
		System.out.printf("| without the hot-restart jars | %d ms | %d ms | %d ms |%n", medianWithout, min(without),
				max(without));
		System.out.printf("| with the starter, hot restart on | %d ms | %d ms | %d ms |%n", medianWith, min(with),
				max(with));
		System.out.printf("%nAdded by the starter: %d ms (median difference)%n", medianWith - medianWithout);
	}

	private static long startupMillis(Path workDirectory, SampleServiceProcess.Launch launch, boolean hotRestartOn)
			throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(Files.createDirectories(workDirectory),
				launch)) {
			String output = service.output();
			if (output.contains("Hot restart is ON") != hotRestartOn) {
				throw new IllegalStateException(
						"Benchmark broken: hot restart should be " + (hotRestartOn ? "on" : "absent") + "\n" + output);
			}
			Matcher matcher = STARTED.matcher(output);
			for (int i = 0; i < 100 && !matcher.find(); i++) {
				Thread.sleep(50);
				matcher = STARTED.matcher(service.output());
			}
			return Math.round(Double.parseDouble(matcher.group(1)) * 1000);
		}
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static long min(long[] values) {
		return Arrays.stream(values).min().orElseThrow();
	}

	private static long max(long[] values) {
		return Arrays.stream(values).max().orElseThrow();
	}

}

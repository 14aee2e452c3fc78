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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what the starter adds to the sample's start-up, and what
 * {@code hot-restart.pointcut} adds on top: alternating launches without the hot-restart
 * jars (nor AspectJ), with the starter, with the starter but without AspectJ on the class
 * path, with the starter and a pointcut over the whole application
 * ({@code within(dev.hotrestart.sample..*)}), and with the starter's jar as
 * {@code -javaagent}, recording local variables or not, compared by the "Started ... in N
 * seconds" time Spring Boot logs. Optionally the sample gets generated beans (see
 * {@link GeneratedBeans}), to measure an application of a larger size. Prints medians and
 * the differences.
 * <p>
 * Run (the second argument, the number of generated beans, may be left out):
 * {@code mvn -q install -DskipTests && mvn -q -f sample-service test-compile exec:exec -Dbenchmark=StartupCostBenchmark -Dbenchmark.runs=15 -Dbenchmark.beans=50}
 */
public final class StartupCostBenchmark {

	private static final Pattern STARTED = Pattern.compile("Started SampleServiceApplication in ([0-9.]+) seconds");

	private static final String POINTCUT = "within(dev.hotrestart.sample..*)";

	private StartupCostBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0 && !args[0].isBlank()) ? Integer.parseInt(args[0]) : 9;
		int generatedBeans = (args.length > 1 && !args[1].isBlank()) ? Integer.parseInt(args[1]) : 0;
		Path workDirectory = Files.createTempDirectory("startup-cost");
		SampleServiceProcess.Launch sample = SampleServiceProcess.Launch.forTests()
			.withClassDirectory(StartupProbe.compile(workDirectory.resolve("probe")));
		if (generatedBeans > 0) {
			sample = sample
				.withClassDirectory(GeneratedBeans.compile(workDirectory.resolve("generated"), generatedBeans));
		}
		Map<String, Measured> launches = new LinkedHashMap<>();
		launches.put("without the hot-restart jars (nor AspectJ)", new Measured(sample.withoutClassPathEntries(
				(entry) -> entry.contains("hot-restart-") || entry.contains("byte-buddy-agent") || isAspectJ(entry)),
				false, runs));
		launches.put("with the starter, hot restart on", new Measured(sample, true, runs));
		launches.put("with the starter without AspectJ on the class path",
				new Measured(sample.withoutClassPathEntries(StartupCostBenchmark::isAspectJ), true, runs));
		launches.put("with the starter and hot-restart.pointcut=" + POINTCUT,
				new Measured(sample.withMoreArguments("--hot-restart.pointcut=" + POINTCUT), true, runs));
		String agentOption = SampleServiceProcess.javaAgentOption(workDirectory);
		launches.put("with the starter and -javaagent", new Measured(sample.withJvmOptions(agentOption), true, runs));
		launches.put("with the starter and -javaagent, hot-restart.capture-locals=false",
				new Measured(sample.withJvmOptions(agentOption, "-Dhot-restart.capture-locals=false"), true, runs));
		for (int run = 0; run < runs; run++) {
			int index = 0;
			for (Measured launch : launches.values()) {
				measure(workDirectory.resolve("launch-" + run + "-" + index++), launch, run);
			}
		}
		System.out.printf(
				"Start-up of the sample%s, median (min-max) of %d alternating launches (Java %s, %d cores)%n%n",
				(generatedBeans > 0) ? " with " + generatedBeans + " generated beans" : "", runs,
				Runtime.version().feature(), Runtime.getRuntime().availableProcessors());
		System.out.println("| launch | started in | main thread CPU | auto-proxying CPU | proxies |");
		System.out.println("| --- | ---: | ---: | ---: | ---: |");
		launches.forEach((name, launch) -> System.out.printf("| %s | %s | %s | %s | %s |%n", name, range(launch.millis),
				range(launch.cpuMillis), range(launch.proxyingMillis),
				(launch.proxies < 0) ? "n/a" : String.valueOf(launch.proxies)));
		List<Measured> measured = List.copyOf(launches.values());
		System.out.println();
		printDifference("Added by the starter", measured.get(1), measured.get(0));
		printDifference("Added by AspectJ on the class path, no pointcut set", measured.get(1), measured.get(2));
		printDifference("Added by the pointcut", measured.get(3), measured.get(1));
		printDifference("Added by the -javaagent", measured.get(4), measured.get(1));
		printDifference("Added by recording locals, with the agent", measured.get(4), measured.get(5));
	}

	private static void printDifference(String what, Measured with, Measured without) {
		System.out.printf(
				"%s: %d ms started in, %d ms main thread CPU, %s auto-proxying CPU (difference of the " + "medians)%n",
				what, median(with.millis) - median(without.millis), median(with.cpuMillis) - median(without.cpuMillis),
				(median(with.proxyingMillis) < 0 || median(without.proxyingMillis) < 0) ? "n/a"
						: (median(with.proxyingMillis) - median(without.proxyingMillis)) + " ms");
	}

	private static String range(long[] values) {
		return (median(values) < 0) ? "n/a" : "%d ms (%d-%d)".formatted(median(values), min(values), max(values));
	}

	private static boolean isAspectJ(String classPathEntry) {
		return classPathEntry.contains("aspectjweaver");
	}

	private static void measure(Path workDirectory, Measured launch, int run) throws Exception {
		try (SampleServiceProcess service = SampleServiceProcess.start(Files.createDirectories(workDirectory),
				launch.launch)) {
			String output = service.output();
			if (output.contains("Hot restart is ON") != launch.hotRestartOn) {
				throw new IllegalStateException("Benchmark broken: hot restart should be "
						+ (launch.hotRestartOn ? "on" : "absent") + "\n" + output);
			}
			if (launch.launch.arguments().stream().anyMatch((argument) -> argument.contains("pointcut"))) {
				// Logged once the application is ready: proof that the pointcut advised
				service.awaitOutput("hot-restart.pointcut '" + POINTCUT + "' advises methods of");
			}
			service.awaitOutput("Main thread CPU time at start");
			Matcher matcher = STARTED.matcher(service.output());
			if (!matcher.find()) {
				throw new IllegalStateException("Benchmark broken: no start-up time\n" + service.output());
			}
			launch.millis[run] = Math.round(Double.parseDouble(matcher.group(1)) * 1000);
			launch.cpuMillis[run] = StartupProbe.mainThreadCpuMillis(service.output());
			launch.proxyingMillis[run] = StartupProbe.autoProxyingCpuMillis(service.output());
			launch.proxies = StartupProbe.proxies(service.output());
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

	/**
	 * A kind of launch and its start-up times.
	 */
	private static final class Measured {

		private final SampleServiceProcess.Launch launch;

		private final boolean hotRestartOn;

		private final long[] millis;

		private final long[] cpuMillis;

		private final long[] proxyingMillis;

		private long proxies = -1;

		Measured(SampleServiceProcess.Launch launch, boolean hotRestartOn, int runs) {
			this.launch = launch;
			this.hotRestartOn = hotRestartOn;
			this.millis = new long[runs];
			this.cpuMillis = new long[runs];
			this.proxyingMillis = new long[runs];
		}

	}

}

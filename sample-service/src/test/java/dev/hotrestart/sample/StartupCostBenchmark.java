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
 * the hot-restart jars, with the starter (hot restart on), with the starter and its jar
 * as {@code -javaagent}, and the same with the recording of local variables switched off,
 * compared by the "Started ... in N seconds" time Spring Boot logs and by the "process
 * running for" time, which also counts the JVM's start and the agent's. Prints medians
 * and the differences.
 * <p>
 * Run:
 * {@code mvn -q install -DskipTests && mvn -q -f sample-service test-compile exec:exec -Dbenchmark=StartupCostBenchmark}
 */
public final class StartupCostBenchmark {

	private static final Pattern STARTED = Pattern
		.compile("Started SampleServiceApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private StartupCostBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0 && !args[0].isBlank()) ? Integer.parseInt(args[0]) : 9;
		Path workDirectory = Files.createTempDirectory("startup-cost");
		SampleServiceProcess.Launch withStarter = SampleServiceProcess.Launch.forTests();
		String agentOption = SampleServiceProcess.javaAgentOption(workDirectory);
		SampleServiceProcess.Launch withAgent = SampleServiceProcess.Launch.forTests().withJvmOptions(agentOption);
		SampleServiceProcess.Launch withAgentNoLocals = SampleServiceProcess.Launch.forTests()
			.withJvmOptions(agentOption, "-Dhot-restart.capture-locals=false");
		SampleServiceProcess.Launch withoutStarter = SampleServiceProcess.Launch.forTests()
			.withoutClassPathEntries((entry) -> entry.contains("hot-restart-") || entry.contains("byte-buddy-agent"));
		long[][] without = new long[2][runs];
		long[][] with = new long[2][runs];
		long[][] agent = new long[2][runs];
		long[][] agentNoLocals = new long[2][runs];
		for (int run = 0; run < runs; run++) {
			startupMillis(workDirectory.resolve("without-" + run), withoutStarter, false, without, run);
			startupMillis(workDirectory.resolve("with-" + run), withStarter, true, with, run);
			startupMillis(workDirectory.resolve("agent-" + run), withAgent, true, agent, run);
			startupMillis(workDirectory.resolve("agent-no-locals-" + run), withAgentNoLocals, true, agentNoLocals, run);
		}
		System.out.printf("Start-up of the sample, median of %d alternating launches (Java %s, %d cores)%n%n", runs,
				Runtime.version().feature(), Runtime.getRuntime().availableProcessors());
		System.out.println("| launch | Started in (median) | min | max | process running for (median) |");
		System.out.println("| --- | ---: | ---: | ---: | ---: |");
		row("without the hot-restart jars", without);
		row("with the starter, hot restart on", with);
		row("with the starter and -javaagent", agent);
		row("with the starter and -javaagent, hot-restart.capture-locals=false", agentNoLocals);
		System.out.printf("%nAdded by the starter: %d ms (median difference of Started in)%n",
				median(with[0]) - median(without[0]));
		System.out.printf("Added by the -javaagent to the starter: %d ms Started in, %d ms process running for%n",
				median(agent[0]) - median(with[0]), median(agent[1]) - median(with[1]));
		System.out.printf("Added by recording locals, with the agent: %d ms Started in, %d ms process running for%n",
				median(agent[0]) - median(agentNoLocals[0]), median(agent[1]) - median(agentNoLocals[1]));
	}

	private static void row(String launch, long[][] millis) {
		System.out.printf("| %s | %d ms | %d ms | %d ms | %d ms |%n", launch, median(millis[0]), min(millis[0]),
				max(millis[0]), median(millis[1]));
	}

	private static void startupMillis(Path workDirectory, SampleServiceProcess.Launch launch, boolean hotRestartOn,
			long[][] millis, int run) throws Exception {
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
			millis[0][run] = Math.round(Double.parseDouble(matcher.group(1)) * 1000);
			millis[1][run] = Math.round(Double.parseDouble(matcher.group(2)) * 1000);
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

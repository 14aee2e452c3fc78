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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.logging.LogFactory;

import dev.hotrestart.locals.LocalsCapture;
import dev.hotrestart.locals.LocalsInstallation;
import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkingLot;

/**
 * Measures what recording local variables costs the thread that starts the application,
 * each in a fresh JVM, cold, as at start-up: switching it on as the environment
 * post-processor does before the application's classes load, creating the
 * {@link LocalsCapture} bean, and the hand-off to a background thread that the ready
 * application (with the {@code -javaagent}) or the first park (without it) makes. That is
 * all recording does on that thread: the {@code -javaagent}'s {@code premain} only keeps
 * its instrumentation, and no class is instrumented while the application starts. Prints
 * the medians of fresh JVMs.
 * <p>
 * Run:
 * {@code mvn -q install -DskipTests && mvn -q -f sample-service test-compile exec:exec -Dbenchmark=LocalsStartupPathBenchmark}
 */
public final class LocalsStartupPathBenchmark {

	private static final String ONCE = "--once";

	private LocalsStartupPathBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && ONCE.equals(args[0])) {
			measureOnce();
			return;
		}
		int runs = (args.length > 0 && !args[0].isBlank()) ? Integer.parseInt(args[0]) : 9;
		List<long[]> results = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			results.add(inFreshJvm());
		}
		System.out.printf(
				"Recording locals on the start-up thread, cold, median of %d fresh JVMs (Java %s, %d cores)%n%n", runs,
				Runtime.version().feature(), Runtime.getRuntime().availableProcessors());
		System.out.println("| step | median | min | max |");
		System.out.println("| --- | ---: | ---: | ---: |");
		String[] steps = { "switch recording on (environment post-processor)", "create the LocalsCapture bean",
				"hand off to a background thread (ready application or first park)", "all of it" };
		for (int step = 0; step < steps.length; step++) {
			int index = step;
			long[] micros = results.stream().mapToLong((result) -> result[index]).sorted().toArray();
			System.out.printf("| %s | %.2f ms | %.2f ms | %.2f ms |%n", steps[step], micros[micros.length / 2] / 1000.0,
					micros[0] / 1000.0, micros[micros.length - 1] / 1000.0);
		}
	}

	private static long[] inFreshJvm() throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LocalsStartupPathBenchmark.class.getName(), ONCE)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("The measuring JVM failed:\n" + output);
		}
		String last = output.lines()
			.filter((line) -> line.startsWith("micros "))
			.reduce((a, b) -> b)
			.orElseThrow(() -> new IllegalStateException("The measuring JVM printed no measurement:\n" + output));
		return Arrays.stream(last.substring("micros ".length()).split(" ")).mapToLong(Long::parseLong).toArray();
	}

	private static void measureOnce() throws InterruptedException {
		// What an application has loaded before recording starts: its logging, threads
		// and the parking lot
		LogFactory.getLog(LocalsStartupPathBenchmark.class).debug("warming the logging");
		Thread thread = new Thread(() -> {
		});
		thread.start();
		thread.join();
		ParkingLot withoutRecording = new ParkingLot(10, Duration.ofMinutes(1), Stream::empty);
		withoutRecording.park(site(), new IllegalStateException("warming the parking lot"));

		long start = System.nanoTime();
		LocalsInstallation.switchOn();
		LocalsInstallation.deferLoads();
		long switched = System.nanoTime();
		LocalsCapture capture = new LocalsCapture(() -> {
			throw new IllegalStateException("not measured: the background thread's work");
		}, List.of(Path.of("target", "classes")), (file) -> true);
		long created = System.nanoTime();
		ParkingLot lot = new ParkingLot(10, Duration.ofMinutes(1), () -> Stream.of(capture));
		IllegalStateException failure = new IllegalStateException("measured");
		long parkStart = System.nanoTime();
		lot.park(site(), failure);
		long handedOff = System.nanoTime();
		ParkingLot again = new ParkingLot(10, Duration.ofMinutes(1), Stream::empty);
		IllegalStateException other = new IllegalStateException("measured");
		long plainStart = System.nanoTime();
		again.park(site(), other);
		long plainEnd = System.nanoTime();
		long handOff = Math.max(0, (handedOff - parkStart) - (plainEnd - plainStart));
		System.out.printf("micros %d %d %d %d%n", (switched - start) / 1000, (created - switched) / 1000,
				handOff / 1000, (created - start + handOff) / 1000);
		System.out.flush();
		Runtime.getRuntime().halt(0);
	}

	private static CallSite site() {
		return new CallSite("com.example.Quotes", "quote", List.of(), Thread.currentThread().getName(), null);
	}

}

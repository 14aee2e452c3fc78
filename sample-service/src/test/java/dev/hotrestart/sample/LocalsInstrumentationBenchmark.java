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
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dev.hotrestart.locals.ApplicationClasses;
import dev.hotrestart.locals.LocalsInstallation;
import dev.hotrestart.locals.LocalsInstrumenter;
import dev.hotrestart.reload.InstrumentationProvider;

/**
 * Measures what instrumenting the sample's application classes to record their local
 * variables costs: rewriting their class files, cold in a fresh JVM and warm; and
 * instrumenting them once loaded, through this JVM's instrumentation, as the ready
 * application does with the {@code -javaagent} and the first park without it (rewriting
 * and redefining them all), first and again. Prints a table.
 * <p>
 * Run:
 * {@code mvn -q install -DskipTests && mvn -q -f sample-service test-compile exec:exec -Dbenchmark=LocalsInstrumentationBenchmark}
 */
public final class LocalsInstrumentationBenchmark {

	private static final Path CLASSES = Path.of("target", "classes");

	private static final int WARM_ROUNDS = 31;

	private LocalsInstrumentationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Path> classFiles;
		try (Stream<Path> files = Files.walk(CLASSES)) {
			classFiles = files.filter((file) -> file.toString().endsWith(".class")).sorted().toList();
		}
		List<byte[]> bytes = new ArrayList<>();
		for (Path file : classFiles) {
			bytes.add(Files.readAllBytes(file));
		}
		long coldStart = System.nanoTime();
		int[] sizes = instrumentAll(bytes);
		long cold = System.nanoTime() - coldStart;
		long[] warm = new long[WARM_ROUNDS];
		for (int round = 0; round < WARM_ROUNDS; round++) {
			long start = System.nanoTime();
			instrumentAll(bytes);
			warm[round] = System.nanoTime() - start;
		}
		int before = bytes.stream().mapToInt((file) -> file.length).sum();

		Instrumentation instrumentation = new InstrumentationProvider().get();
		ClassLoader loader = LocalsInstrumentationBenchmark.class.getClassLoader();
		for (Path file : classFiles) {
			String name = CLASSES.relativize(file).toString().replace(File.separatorChar, '.');
			Class.forName(name.substring(0, name.length() - ".class".length()), false, loader);
		}
		ApplicationClasses applicationClasses = new ApplicationClasses(List.of(CLASSES.toAbsolutePath()));
		long[] redefine = new long[WARM_ROUNDS];
		int redefined = 0;
		for (int round = 0; round < WARM_ROUNDS; round++) {
			LocalsInstallation.switchOff();
			LocalsInstallation.switchOn();
			long start = System.nanoTime();
			redefined = LocalsInstallation.activate(instrumentation, applicationClasses, (file) -> true);
			redefine[round] = System.nanoTime() - start;
		}

		System.out.printf(
				"Instrumenting the sample's %d class files (%d instrumented) to record local variables "
						+ "(Java %s, %d cores)%n%n",
				bytes.size(), sizes[0], Runtime.version().feature(), Runtime.getRuntime().availableProcessors());
		System.out.println("| measurement | time |");
		System.out.println("| --- | ---: |");
		System.out.printf("| rewrite all class files, first time in a fresh JVM | %.1f ms |%n", cold / 1e6);
		System.out.printf("| rewrite all class files, warm (median of %d) | %.2f ms |%n", WARM_ROUNDS,
				median(warm) / 1e6);
		System.out.printf("| instrument the %d loaded classes (rewrite and redefine), first time | %.1f ms |%n",
				redefined, redefine[0] / 1e6);
		System.out.printf("| instrument them again (median of %d) | %.1f ms |%n", WARM_ROUNDS - 1,
				median(Arrays.copyOfRange(redefine, 1, WARM_ROUNDS)) / 1e6);
		System.out.printf("%nClass files grow from %d to %d bytes (+%.0f%%)%n", before, sizes[1],
				100.0 * (sizes[1] - before) / before);
		LocalsInstallation.switchOff();
	}

	/**
	 * Instrument every class file; return how many were instrumented and the total size
	 * of the result (instrumented or as it was).
	 */
	private static int[] instrumentAll(List<byte[]> classFiles) {
		int instrumented = 0;
		int size = 0;
		for (byte[] classFile : classFiles) {
			byte[] result = LocalsInstrumenter.instrument(classFile);
			instrumented += (result != null) ? 1 : 0;
			size += (result != null) ? result.length : classFile.length;
		}
		return new int[] { instrumented, size };
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}

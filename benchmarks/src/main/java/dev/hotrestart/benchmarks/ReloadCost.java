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

package dev.hotrestart.benchmarks;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.InstrumentationProvider;
import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.testsupport.Javac;
import dev.hotrestart.testsupport.Javac.JavaSource;

/**
 * Measures what a continue costs as the application grows: the full reload (change
 * detection, lookup of the loaded classes, one redefinition call) for 1, 10 and 100
 * changed classes, and change detection alone over class directories of 1,000 and 10,000
 * class files. Prints a table of medians.
 * <p>
 * Run:
 * {@code java -javaagent:benchmarks/target/benchmarks.jar -cp benchmarks/target/benchmarks.jar dev.hotrestart.benchmarks.ReloadCost}
 */
public final class ReloadCost {

	private static final int WARMUP = 5;

	private static final int MEASURED = 21;

	private final Path workDirectory;

	private final InstrumentationProvider instrumentationProvider = new InstrumentationProvider();

	private long clock = 1_000_000_000_000L;

	private ReloadCost(Path workDirectory) {
		this.workDirectory = workDirectory;
	}

	public static void main(String[] args) throws Exception {
		java.util.logging.Logger.getLogger("dev.hotrestart").setLevel(java.util.logging.Level.WARNING);
		ReloadCost benchmark = new ReloadCost(Files.createTempDirectory("hot-restart-reload-cost"));
		benchmark.instrumentationProvider.get();
		System.out.println("| measurement | median | min | max |");
		System.out.println("| --- | ---: | ---: | ---: |");
		for (int classes : new int[] { 1, 10, 100 }) {
			benchmark.print("reload " + classes + " changed class(es)", benchmark.reload(classes));
		}
		for (int files : new int[] { 1_000, 10_000 }) {
			benchmark.detection(files);
		}
	}

	private long[] reload(int count) throws Exception {
		Path directory = Files.createDirectories(this.workDirectory.resolve("reload-" + count));
		String packageName = "bench.reload" + count;
		byte[][] version1 = compile(packageName, count, 1);
		byte[][] version2 = compile(packageName, count, 2);
		write(directory, packageName, version1);
		List<IntSupplier> instances = new ArrayList<>();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { directory.toUri().toURL() })) {
			for (int i = 0; i < count; i++) {
				instances.add((IntSupplier) loader.loadClass(packageName + ".C" + i).getConstructor().newInstance());
			}
			ClassFileBaseline baseline = new ClassFileBaseline(List.of(directory), Long.MAX_VALUE);
			baseline.record();
			ClassReloader reloader = new ClassReloader(baseline, this.instrumentationProvider);
			long[] times = new long[MEASURED];
			for (int iteration = 0; iteration < WARMUP + MEASURED; iteration++) {
				boolean even = iteration % 2 == 0;
				write(directory, packageName, even ? version2 : version1);
				long start = System.nanoTime();
				ReloadResult result = reloader.reloadChangedClasses();
				long elapsed = System.nanoTime() - start;
				check(result.reloaded().size() == count, "reloaded " + result.reloaded().size() + " of " + count);
				check(instances.get(0).getAsInt() == (even ? 2 : 1), "new code runs");
				if (iteration >= WARMUP) {
					times[iteration - WARMUP] = elapsed;
				}
			}
			return times;
		}
	}

	private void detection(int count) throws IOException {
		Path directory = Files.createDirectories(this.workDirectory.resolve("detect-" + count));
		Random random = new Random(count);
		byte[] content = new byte[2048];
		Path someFile = null;
		for (int i = 0; i < count; i++) {
			Path file = directory.resolve("p" + (i / 100)).resolve("C" + i + ".class");
			Files.createDirectories(file.getParent());
			random.nextBytes(content);
			Files.write(file, content);
			Files.setLastModifiedTime(file, FileTime.fromMillis(this.clock));
			someFile = file;
		}
		ClassFileBaseline baseline = new ClassFileBaseline(List.of(directory), Long.MAX_VALUE);
		long start = System.nanoTime();
		baseline.record();
		print("record baseline of " + count + " class files (once, in the background)",
				new long[] { System.nanoTime() - start });
		long[] unchanged = new long[MEASURED];
		long[] oneChanged = new long[MEASURED];
		for (int iteration = 0; iteration < WARMUP + MEASURED; iteration++) {
			long before = System.nanoTime();
			check(baseline.changes().isEmpty(), "nothing changed");
			long afterScan = System.nanoTime();
			random.nextBytes(content);
			Files.write(someFile, content);
			Files.setLastModifiedTime(someFile, FileTime.fromMillis(++this.clock));
			long beforeChanged = System.nanoTime();
			var changes = baseline.changes();
			long afterChanged = System.nanoTime();
			check(changes.size() == 1, "one change");
			baseline.accept(changes);
			if (iteration >= WARMUP) {
				unchanged[iteration - WARMUP] = afterScan - before;
				oneChanged[iteration - WARMUP] = afterChanged - beforeChanged;
			}
		}
		print("detect changes in " + count + " class files, none changed", unchanged);
		print("detect changes in " + count + " class files, one changed", oneChanged);
	}

	private void write(Path directory, String packageName, byte[][] classes) throws IOException {
		this.clock += 1000;
		Path packageDirectory = Files.createDirectories(directory.resolve(packageName.replace('.', '/')));
		for (int i = 0; i < classes.length; i++) {
			Path file = packageDirectory.resolve("C" + i + ".class");
			Files.write(file, classes[i]);
			Files.setLastModifiedTime(file, FileTime.fromMillis(this.clock));
		}
	}

	private byte[][] compile(String packageName, int count, int value) throws IOException {
		Path output = Files.createTempDirectory(this.workDirectory, "javac");
		List<JavaSource> sources = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			sources.add(new JavaSource(packageName + ".C" + i,
					"package " + packageName + "; public class C" + i
							+ " implements java.util.function.IntSupplier { public int getAsInt() { return " + value
							+ "; } }"));
		}
		Javac.withClassPath("").compile(output, sources);
		byte[][] classes = new byte[count][];
		for (int i = 0; i < count; i++) {
			classes[i] = Files.readAllBytes(output.resolve(packageName.replace('.', '/')).resolve("C" + i + ".class"));
		}
		return classes;
	}

	private void print(String measurement, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf("| %s | %s | %s | %s |%n", measurement, millis(sorted[sorted.length / 2]), millis(sorted[0]),
				millis(sorted[sorted.length - 1]));
	}

	private static String millis(long nanos) {
		return String.format("%.2f ms", nanos / 1_000_000.0);
	}

	private static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("Benchmark broken: expected " + what);
		}
	}

}

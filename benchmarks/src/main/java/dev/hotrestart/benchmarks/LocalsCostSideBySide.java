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

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Compares each instrumented method with its compiled copy in one JVM, in short
 * alternating batches (in turn the first of a pair), so that both meet the same load: on
 * a machine shared with other work, the load changes far more from one JMH run to the
 * next than the difference to measure. Prints, for each pair, the median time of each and
 * the median of the ratios of batches run side by side. Complements
 * {@link LocalsHappyPathBenchmark} and {@link LocalsExceptionBenchmark}, which give the
 * same comparisons one run at a time.
 * <p>
 * Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.hotrestart.benchmarks.LocalsCostSideBySide}
 */
public final class LocalsCostSideBySide {

	private static final int ROUNDS = 60;

	private static final int WARM_UP_ROUNDS = 20;

	private static final long BATCH_NANOS = 100_000_000L;

	private final Rates compiledRates = IsolatedClass.newInstance(ShippingRates.class, false, Rates.class);

	private final Rates instrumentedRates = IsolatedClass.newInstance(ShippingRates.class, true, Rates.class);

	private final Chain compiledChain = IsolatedClass.newInstance(CallChain.class, false, Chain.class);

	private final Chain instrumentedChain = IsolatedClass.newInstance(CallChain.class, true, Chain.class);

	private final int[] quantities = { 1, 2, 3, 4, 5 };

	private final long[] unitPrices = { 100, 250, 399, 1000, 5 };

	private long sink;

	private LocalsCostSideBySide() {
	}

	public static void main(String[] args) {
		LocalsCostSideBySide benchmark = new LocalsCostSideBySide();
		System.out.printf("Side by side in one JVM, %d alternating batches of %d ms each (Java %s, %d cores)%n%n",
				ROUNDS, BATCH_NANOS / 1_000_000, Runtime.version().feature(),
				Runtime.getRuntime().availableProcessors());
		System.out.println("| call | as compiled | instrumented | instrumented / compiled |");
		System.out.println("| --- | ---: | ---: | ---: |");
		benchmark.compare("small method (perBox), no exception", benchmark::smallCompiled,
				benchmark::smallInstrumented);
		benchmark.compare("medium method (invoice), no exception", benchmark::mediumCompiled,
				benchmark::mediumInstrumented);
		benchmark.compare("exception crossing 10 frames, with stack trace", () -> benchmark.cross(true, false),
				() -> benchmark.cross(true, true));
		benchmark.compare("exception crossing 10 frames, no stack trace", () -> benchmark.cross(false, false),
				() -> benchmark.cross(false, true));
		if (benchmark.sink == 42) {
			System.out.println();
		}
	}

	private long smallCompiled() {
		return (long) this.compiledRates.perBox("mars", 3);
	}

	private long smallInstrumented() {
		return (long) this.instrumentedRates.perBox("mars", 3);
	}

	private long mediumCompiled() {
		return this.compiledRates.invoice(this.quantities, this.unitPrices, 5);
	}

	private long mediumInstrumented() {
		return this.instrumentedRates.invoice(this.quantities, this.unitPrices, 5);
	}

	private long cross(boolean withStackTrace, boolean instrumented) {
		try {
			return (instrumented ? this.instrumentedChain : this.compiledChain).call("order-", withStackTrace);
		}
		catch (RuntimeException ex) {
			return ex.getMessage().length();
		}
	}

	private void compare(String call, LongSupplier compiled, LongSupplier instrumented) {
		double[] compiledNanos = new double[ROUNDS];
		double[] instrumentedNanos = new double[ROUNDS];
		double[] ratios = new double[ROUNDS];
		for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
			// Each first every other round, so that neither always follows the other
			boolean compiledFirst = (round & 1) == 0;
			double a = compiledFirst ? batch(compiled) : 0;
			double b = batch(instrumented);
			a = compiledFirst ? a : batch(compiled);
			if (round >= 0) {
				compiledNanos[round] = a;
				instrumentedNanos[round] = b;
				ratios[round] = b / a;
			}
		}
		System.out.printf("| %s | %.1f ns | %.1f ns | %.3f |%n", call, median(compiledNanos), median(instrumentedNanos),
				median(ratios));
	}

	private double batch(LongSupplier call) {
		long calls = 0;
		long start = System.nanoTime();
		long elapsed;
		do {
			for (int i = 0; i < 1_000; i++) {
				this.sink += call.getAsLong();
			}
			calls += 1_000;
			elapsed = System.nanoTime() - start;
		}
		while (elapsed < BATCH_NANOS);
		return (double) elapsed / calls;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}

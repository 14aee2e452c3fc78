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

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of recording local variables on the path that does not throw: the same methods
 * as compiled and as instrumented to record their locals, side by side, each copy in a
 * class loader of its own. A small method (a map lookup and arithmetic) and a medium one
 * (a loop over five lines, a branch, seven variables).
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar LocalsHappyPathBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class LocalsHappyPathBenchmark {

	private Rates compiled;

	private Rates instrumented;

	private String zone = "mars";

	private int boxes = 3;

	private int[] quantities = { 1, 2, 3, 4, 5 };

	private long[] unitPrices = { 100, 250, 399, 1000, 5 };

	private int discountPercent = 5;

	@Setup
	public void loadCopies() {
		this.compiled = IsolatedClass.newInstance(ShippingRates.class, false, Rates.class);
		this.instrumented = IsolatedClass.newInstance(ShippingRates.class, true, Rates.class);
	}

	@Benchmark
	public double smallMethodAsCompiled() {
		return this.compiled.perBox(this.zone, this.boxes);
	}

	@Benchmark
	public double smallMethodInstrumented() {
		return this.instrumented.perBox(this.zone, this.boxes);
	}

	@Benchmark
	public long mediumMethodAsCompiled() {
		return this.compiled.invoice(this.quantities, this.unitPrices, this.discountPercent);
	}

	@Benchmark
	public long mediumMethodInstrumented() {
		return this.instrumented.invoice(this.quantities, this.unitPrices, this.discountPercent);
	}

}

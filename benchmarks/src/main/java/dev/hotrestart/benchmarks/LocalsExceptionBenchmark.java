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
 * The cost of an exception crossing ten application frames, as compiled and as
 * instrumented to record the local variables of each frame it leaves: with a stack trace
 * (as application exceptions have), and without one (what recording itself costs).
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar LocalsExceptionBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class LocalsExceptionBenchmark {

	private Chain compiled;

	private Chain instrumented;

	private String label = "order-";

	@Setup
	public void loadCopies() {
		this.compiled = IsolatedClass.newInstance(CallChain.class, false, Chain.class);
		this.instrumented = IsolatedClass.newInstance(CallChain.class, true, Chain.class);
	}

	@Benchmark
	public Object withStackTraceAsCompiled() {
		return cross(this.compiled, true);
	}

	@Benchmark
	public Object withStackTraceInstrumented() {
		return cross(this.instrumented, true);
	}

	@Benchmark
	public Object withoutStackTraceAsCompiled() {
		return cross(this.compiled, false);
	}

	@Benchmark
	public Object withoutStackTraceInstrumented() {
		return cross(this.instrumented, false);
	}

	private Object cross(Chain chain, boolean withStackTrace) {
		try {
			return chain.call(this.label, withStackTrace);
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

}

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

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.aopalliance.intercept.MethodInterceptor;
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

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;

import dev.hotrestart.HotRestart;
import dev.hotrestart.aop.HotRestartAdvisor;
import dev.hotrestart.aop.HotRestartInterceptor;
import dev.hotrestart.park.ParkPolicy;
import dev.hotrestart.park.ParkingLot;

/**
 * The cost of a call that does not throw: a plain bean, the same bean behind a Spring
 * proxy with a trivial around advice, and behind a proxy with the hot-restart advice.
 * Proxies are class-based (CGLIB), as Spring Boot creates them.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar HappyPathBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class HappyPathBenchmark {

	private PriceCalculator plain;

	private PriceCalculator trivialAdvice;

	private PriceCalculator hotRestartAdvice;

	private int quantity = 7;

	@Setup
	public void createBeans() {
		this.plain = new PriceCalculator();
		MethodInterceptor trivial = (invocation) -> invocation.proceed();
		this.trivialAdvice = proxy(new DefaultPointcutAdvisor(trivial));
		ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(1));
		ParkPolicy policy = new ParkPolicy(parkingLot);
		this.hotRestartAdvice = proxy(
				new HotRestartAdvisor(new HotRestartInterceptor(() -> parkingLot, () -> policy), 0));
	}

	private static PriceCalculator proxy(org.springframework.aop.Advisor advisor) {
		ProxyFactory factory = new ProxyFactory(new PriceCalculator());
		factory.setProxyTargetClass(true);
		factory.addAdvisor(advisor);
		return (PriceCalculator) factory.getProxy();
	}

	@Benchmark
	public long plainBean() {
		return this.plain.price(this.quantity);
	}

	@Benchmark
	public long trivialAroundAdvice() {
		return this.trivialAdvice.price(this.quantity);
	}

	@Benchmark
	public long hotRestartAdvice() {
		return this.hotRestartAdvice.price(this.quantity);
	}

	/**
	 * A bean with a small amount of real work per call.
	 */
	public static class PriceCalculator {

		@HotRestart
		public long price(int quantity) {
			return quantity * 450L - (quantity / 10) * 45L;
		}

	}

}

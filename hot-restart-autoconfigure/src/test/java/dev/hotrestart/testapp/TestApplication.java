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

package dev.hotrestart.testapp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.hotrestart.HotRestart;

/**
 * A small web application for integration tests against a running server: advised beans
 * that fail in the ways the tests need, and a controller in front of them. Spring
 * Security, on the test class path for {@code SpringSecurityIntegrationTests}, is left
 * out.
 */
@SpringBootConfiguration
@ComponentScan
@EnableAutoConfigurationWithoutSecurity
public class TestApplication {

	/**
	 * Fails the first attempt for each key and succeeds on every later one, so that a
	 * continue resumes the call without a recompile.
	 */
	@org.springframework.stereotype.Service
	public static class Work {

		private final Set<String> attempted = ConcurrentHashMap.newKeySet();

		@HotRestart
		public String attempt(String key) {
			if (this.attempted.add(key)) {
				throw new IllegalStateException("First attempt of " + key + " fails");
			}
			return "done " + key;
		}

		@HotRestart
		public String conflict() {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Taken: an intentional HTTP error");
		}

		@HotRestart
		public String notFound() {
			throw new NotFoundException();
		}

		@HotRestart
		public String unsupported() {
			throw new UnsupportedOperationException("Listed in hot-restart.never-park");
		}

		@HotRestart(neverPark = IllegalArgumentException.class)
		public String invalid() {
			throw new IllegalArgumentException("Listed on @HotRestart(neverPark)");
		}

	}

	/**
	 * A bean whose type-level {@code @HotRestart} keeps arithmetic exceptions out.
	 */
	@org.springframework.stereotype.Service
	@HotRestart(neverPark = ArithmeticException.class)
	public static class Calculator {

		public int divide(int dividend, int divisor) {
			return dividend / divisor;
		}

	}

	/**
	 * An exception Spring MVC answers with 404 because of its annotation.
	 */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	public static class NotFoundException extends RuntimeException {

		NotFoundException() {
			super("No such thing: an intentional HTTP error");
		}

	}

	@RestController
	static class TestController {

		private final Work work;

		private final Calculator calculator;

		TestController(Work work, Calculator calculator) {
			this.work = work;
			this.calculator = calculator;
		}

		@GetMapping("/healthy")
		String healthy() {
			return "ok";
		}

		@GetMapping("/work/{key}")
		String work(@PathVariable String key) {
			return this.work.attempt(key);
		}

		@GetMapping("/conflict")
		String conflict() {
			return this.work.conflict();
		}

		@GetMapping("/not-found")
		String notFound() {
			return this.work.notFound();
		}

		@GetMapping("/unsupported")
		String unsupported() {
			return this.work.unsupported();
		}

		@GetMapping("/invalid")
		String invalid() {
			return this.work.invalid();
		}

		@GetMapping("/divide/{dividend}/{divisor}")
		int divide(@PathVariable int dividend, @PathVariable int divisor) {
			return this.calculator.divide(dividend, divisor);
		}

	}

}

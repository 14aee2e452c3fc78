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

package dev.hotrestart.reactiveapp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.hotrestart.HotRestart;

/**
 * A small WebFlux application for integration tests against a running Reactor Netty
 * server: advised beans that fail the first attempt for each key, reactive and blocking,
 * and a controller in front of them. Spring Security and WebFlux on Tomcat, both on the
 * test class path, are left out.
 */
@SpringBootConfiguration
@ComponentScan
@EnableAutoConfiguration(excludeName = {
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
		"org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration" })
public class ReactiveTestApplication {

	/**
	 * Fails the first attempt for each key and succeeds on every later one, so that a
	 * continue resumes the call without a recompile.
	 */
	@Service
	public static class ReactiveWork {

		private final Set<String> attempted = ConcurrentHashMap.newKeySet();

		@HotRestart
		public Mono<String> attempt(String key) {
			return Mono.fromCallable(() -> {
				if (this.attempted.add(key)) {
					throw new IllegalStateException("First attempt of " + key + " fails");
				}
				return "done " + key;
			});
		}

		@HotRestart
		public Flux<String> lines(String key) {
			return Flux.range(1, 3).map((line) -> {
				if (line == 2 && this.attempted.add(key)) {
					throw new IllegalStateException("First attempt of " + key + " fails at line 2");
				}
				return key + " " + line + "\n";
			});
		}

		@HotRestart
		public String blocking(String key) {
			if (this.attempted.add(key)) {
				throw new IllegalStateException("First attempt of " + key + " fails");
			}
			return "done " + key;
		}

	}

	@RestController
	static class ReactiveController {

		private final ReactiveWork work;

		ReactiveController(ReactiveWork work) {
			this.work = work;
		}

		@GetMapping("/healthy")
		Mono<String> healthy() {
			return Mono.just("ok");
		}

		@GetMapping("/work/{key}")
		Mono<String> work(@PathVariable String key) {
			return this.work.attempt(key);
		}

		@GetMapping("/lines/{key}")
		Flux<String> lines(@PathVariable String key) {
			return this.work.lines(key);
		}

		@GetMapping("/event-loop/{key}")
		String onEventLoop(@PathVariable String key) {
			return this.work.blocking(key);
		}

		@GetMapping("/elastic/{key}")
		Mono<String> onBoundedElastic(@PathVariable String key) {
			return Mono.fromCallable(() -> this.work.blocking(key)).subscribeOn(Schedulers.boundedElastic());
		}

	}

}

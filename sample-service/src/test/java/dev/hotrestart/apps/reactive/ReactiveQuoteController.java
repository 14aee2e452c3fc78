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

package dev.hotrestart.apps.reactive;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quote API; {@code /products/{sku}} calls a blocking method on the event loop.
 */
@RestController
class ReactiveQuoteController {

	private final ReactiveQuoteService quotes;

	ReactiveQuoteController(ReactiveQuoteService quotes) {
		this.quotes = quotes;
	}

	@GetMapping("/quotes/{sku}")
	Mono<String> quote(@PathVariable String sku, @RequestParam int quantity) {
		return this.quotes.quote(sku, quantity);
	}

	@GetMapping("/products/{sku}")
	String describe(@PathVariable String sku) {
		return this.quotes.describe(sku);
	}

	@GetMapping("/ping")
	String ping() {
		return "pong";
	}

}

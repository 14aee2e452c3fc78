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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import dev.hotrestart.HotRestart;

/**
 * Prices a quantity of a product with a volume discount, reactively.
 * <p>
 * <strong>Deliberate bug</strong>, as in the sample: a quantity of 30 or more reads past
 * the end of the three-tier discount table. The fix caps the tier:
 * {@code DISCOUNT_PERCENT_BY_TENS[Math.min(quantity / 10, DISCOUNT_PERCENT_BY_TENS.length - 1)]}.
 */
@Service
public class ReactiveQuoteService {

	private static final int[] DISCOUNT_PERCENT_BY_TENS = { 0, 5, 10 };

	private static final Map<String, BigDecimal> PRICES = Map.of("WIDGET", new BigDecimal("4.50"));

	@HotRestart
	public Mono<String> quote(String sku, int quantity) {
		return Mono.fromCallable(() -> {
			BigDecimal gross = price(sku).multiply(BigDecimal.valueOf(quantity));
			int discountPercent = DISCOUNT_PERCENT_BY_TENS[quantity / 10];
			BigDecimal discount = gross.multiply(BigDecimal.valueOf(discountPercent)).divide(BigDecimal.valueOf(100));
			return sku + " x " + quantity + " = " + gross.subtract(discount).setScale(2, RoundingMode.HALF_UP);
		});
	}

	@HotRestart
	public String describe(String sku) {
		return sku + " costs " + price(sku);
	}

	private static BigDecimal price(String sku) {
		BigDecimal price = PRICES.get(sku);
		if (price == null) {
			throw new IllegalArgumentException("No product " + sku);
		}
		return price;
	}

}

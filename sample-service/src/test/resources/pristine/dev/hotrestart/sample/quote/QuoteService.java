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

package dev.hotrestart.sample.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.hotrestart.HotRestart;

/**
 * Prices a quantity of a product with a volume discount.
 * <p>
 * <strong>Deliberate bug</strong> (see the README): the discount table has three tiers,
 * for 0-9, 10-19 and 20-29 items, and a quantity of 30 or more reads past its end. The
 * fix is to cap the tier at the last one:
 * {@code DISCOUNT_PERCENT_BY_TENS[Math.min(quantity / 10, DISCOUNT_PERCENT_BY_TENS.length - 1)]}.
 *
 * @author hot-restart authors
 */
@Service
public class QuoteService {

	private static final int[] DISCOUNT_PERCENT_BY_TENS = { 0, 5, 10 };

	private final JdbcClient jdbc;

	public QuoteService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@HotRestart
	public Quote quote(String sku, int quantity) {
		BigDecimal unitPrice = this.jdbc.sql("SELECT price FROM product WHERE sku = ?")
			.param(sku)
			.query(BigDecimal.class)
			.single();
		int discountPercent = DISCOUNT_PERCENT_BY_TENS[quantity / 10];
		BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(quantity));
		BigDecimal discount = gross.multiply(BigDecimal.valueOf(discountPercent)).divide(BigDecimal.valueOf(100));
		return new Quote(sku, quantity, unitPrice, discountPercent,
				gross.subtract(discount).setScale(2, RoundingMode.HALF_UP));
	}

}

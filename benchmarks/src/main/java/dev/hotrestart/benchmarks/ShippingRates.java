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

import java.util.Map;

/**
 * Application-like code whose copies the locals benchmarks call: a small method (the
 * example of the documentation: a lookup and some arithmetic) and a medium one (a loop,
 * several variables, a branch), compiled with local variable tables as Maven compiles.
 */
public class ShippingRates implements Rates {

	private static final Map<String, Double> PRICES = Map.of("EARTH", 1.5, "MOON", 4.0, "MARS", 12.5);

	@Override
	public double perBox(String zone, int boxes) {
		String key = zone.toUpperCase();
		Double price = PRICES.get(key);
		double total = price * boxes;
		return total;
	}

	@Override
	public long invoice(int[] quantities, long[] unitPrices, int discountPercent) {
		long gross = 0;
		int items = 0;
		for (int i = 0; i < quantities.length; i++) {
			long line = quantities[i] * unitPrices[i];
			gross += line;
			items += quantities[i];
		}
		long discount = (items >= 10) ? gross * discountPercent / 100 : 0;
		long net = gross - discount;
		String check = (net < 0) ? "negative" : null;
		if (check != null) {
			throw new IllegalStateException(check + " invoice: " + net);
		}
		return net;
	}

}

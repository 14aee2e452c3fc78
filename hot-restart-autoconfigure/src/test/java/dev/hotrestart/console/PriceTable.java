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

package dev.hotrestart.console;

import dev.hotrestart.HotRestart;

/**
 * A bean with a deliberate bug, for the console tests: the unit price is the number after
 * the dash of a SKU such as {@code A-12}, but {@link #unitPrice(String)} parses the part
 * before it. {@link HotRestartConsoleIntegrationTests} compiles the fix at test time.
 *
 * @author hot-restart authors
 */
public class PriceTable {

	@HotRestart
	public String price(String sku, int quantity) {
		try {
			return sku + " x " + quantity + " = " + unitPrice(sku) * quantity;
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException("No valid unit price in SKU '" + sku + "'", ex);
		}
	}

	int unitPrice(String sku) {
		return Integer.parseInt(sku.substring(0, sku.indexOf('-')));
	}

}

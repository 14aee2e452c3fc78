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

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hotrestart.testapp.EnableAutoConfigurationWithoutSecurity;

/**
 * A small web application whose {@code GET /prices/{sku}?quantity=N} calls the buggy
 * {@link PriceTable}. The nested controller is registered as a member class of this
 * configuration.
 *
 * @author hot-restart authors
 */
@SpringBootConfiguration
@EnableAutoConfigurationWithoutSecurity
class ConsoleTestApplication {

	@Bean
	PriceTable priceTable() {
		return new PriceTable();
	}

	@RestController
	static class PriceController {

		private final PriceTable priceTable;

		PriceController(PriceTable priceTable) {
			this.priceTable = priceTable;
		}

		@GetMapping("/prices/{sku}")
		String price(@PathVariable String sku, @RequestParam int quantity) {
			return this.priceTable.price(sku, quantity);
		}

	}

}

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

package dev.hotrestart.apps.job;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.hotrestart.HotRestart;
import dev.hotrestart.apps.job.InvoiceJobApplication.Account;

/**
 * Computes an account's gross amount.
 * <p>
 * <strong>Deliberate bug</strong>, as in the sample's billing run: the VAT table does not
 * know Kosovo ({@code XK}). The fix: {@code VAT_RATES.getOrDefault(account.countryCode(),
 * BigDecimal.ZERO)}.
 */
@Service
public class InvoiceCalculator {

	private static final Map<String, BigDecimal> VAT_RATES = Map.of("DE", new BigDecimal("0.19"));

	@HotRestart
	public BigDecimal invoice(Account account) {
		BigDecimal rate = VAT_RATES.get(account.countryCode());
		return account.amount().add(account.amount().multiply(rate));
	}

}

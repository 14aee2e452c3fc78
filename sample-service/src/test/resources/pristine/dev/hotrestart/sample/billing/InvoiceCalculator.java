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

package dev.hotrestart.sample.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hotrestart.HotRestart;

/**
 * Writes one account's monthly invoice, in its own transaction.
 * <p>
 * <strong>Deliberate bug</strong> (see the README): account 3210 is in Kosovo
 * ({@code XK}), which has no entry in the VAT table, so the rate is {@code null} and the
 * billing run fails there with a {@link NullPointerException}, 3,209 accounts in. The fix
 * is {@code VAT_RATES.getOrDefault(account.countryCode(), BigDecimal.ZERO)}. Because the
 * hot-restart advice runs outside the transaction, the half-written invoice is rolled
 * back before the call parks, and the retry starts a fresh transaction.
 *
 * @author hot-restart authors
 */
@Service
public class InvoiceCalculator {

	private static final Map<String, BigDecimal> VAT_RATES = Map.of("DE", new BigDecimal("0.19"), "FR",
			new BigDecimal("0.20"), "NL", new BigDecimal("0.21"));

	private final JdbcClient jdbc;

	public InvoiceCalculator(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@HotRestart
	@Transactional
	public Invoice invoice(Account account) {
		BigDecimal net = account.monthlyFee();
		this.jdbc.sql("INSERT INTO invoice (account_id, net) VALUES (?, ?)").params(account.id(), net).update();
		BigDecimal vatRate = VAT_RATES.get(account.countryCode());
		BigDecimal vat = net.multiply(vatRate).setScale(2, RoundingMode.HALF_UP);
		BigDecimal total = net.add(vat);
		this.jdbc.sql("UPDATE invoice SET vat = ?, total = ? WHERE account_id = ?")
			.params(vat, total, account.id())
			.update();
		return new Invoice(account.id(), net, vat, total);
	}

}

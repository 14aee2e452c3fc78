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
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A batch job without a web server, launched by the sample's integration tests as a JVM
 * of its own: it invoices twenty accounts, one of which ({@code 13}) is in a country the
 * VAT table does not know, and exits when it is done.
 */
@SpringBootApplication
public class InvoiceJobApplication {

	public static void main(String[] args) {
		SpringApplication.run(InvoiceJobApplication.class, args);
	}

	@Bean
	CommandLineRunner invoiceAllAccounts(InvoiceCalculator calculator) {
		return (args) -> {
			List<Account> accounts = IntStream.rangeClosed(1, 20)
				.mapToObj((id) -> new Account(id, (id == 13) ? "XK" : "DE", BigDecimal.valueOf(100L * id)))
				.toList();
			BigDecimal total = BigDecimal.ZERO;
			for (Account account : accounts) {
				total = total.add(calculator.invoice(account));
				System.out.println("Invoiced account " + account.id());
			}
			System.out.println("Job done: invoiced " + accounts.size() + " accounts, total " + total);
		};
	}

	/**
	 * An account to invoice.
	 *
	 * @param id the account number
	 * @param countryCode the ISO country code of the account's address
	 * @param amount the net amount to invoice
	 */
	public record Account(int id, String countryCode, BigDecimal amount) {

	}

}

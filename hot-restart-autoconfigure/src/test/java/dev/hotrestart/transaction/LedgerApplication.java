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

package dev.hotrestart.transaction;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hotrestart.HotRestart;
import dev.hotrestart.testapp.EnableAutoConfigurationWithoutSecurity;

/**
 * A small ledger over a real database for the transaction integration tests: a
 * {@code @HotRestart @Transactional} withdrawal that updates a row, writes an entry and
 * then fails while {@link Behaviour#broken} is set, and a caller that runs it inside a
 * transaction of its own.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfigurationWithoutSecurity
@Import({ LedgerApplication.Behaviour.class, LedgerApplication.Accounts.class, LedgerApplication.Transfers.class,
		LedgerApplication.LedgerController.class })
public class LedgerApplication {

	/**
	 * Whether the withdrawal is broken, switched by the tests (in place of a recompile).
	 */
	static class Behaviour {

		volatile boolean broken = true;

	}

	@Service
	static class Accounts {

		private final JdbcClient jdbc;

		private final Behaviour behaviour;

		Accounts(JdbcClient jdbc, Behaviour behaviour) {
			this.jdbc = jdbc;
			this.behaviour = behaviour;
		}

		@HotRestart
		@Transactional
		public int withdraw(long accountId, int amount) {
			this.jdbc.sql("UPDATE account SET balance = balance - ? WHERE id = ?").params(amount, accountId).update();
			this.jdbc.sql("INSERT INTO entry (account_id, amount) VALUES (?, ?)").params(accountId, -amount).update();
			if (this.behaviour.broken) {
				throw new IllegalStateException("Withdrawal from " + accountId + " is broken after its writes");
			}
			return balance(accountId);
		}

		int balance(long accountId) {
			return this.jdbc.sql("SELECT balance FROM account WHERE id = ?")
				.param(accountId)
				.query(Integer.class)
				.single();
		}

	}

	@Service
	static class Transfers {

		private final Accounts accounts;

		Transfers(Accounts accounts) {
			this.accounts = accounts;
		}

		@Transactional
		public int withdrawInOneTransaction(long accountId, int amount) {
			return this.accounts.withdraw(accountId, amount);
		}

	}

	@RestController
	static class LedgerController {

		private final Accounts accounts;

		private final Transfers transfers;

		private final JdbcClient jdbc;

		LedgerController(Accounts accounts, Transfers transfers, JdbcClient jdbc) {
			this.accounts = accounts;
			this.transfers = transfers;
			this.jdbc = jdbc;
		}

		@PostMapping("/accounts/{id}")
		void open(@PathVariable long id, @RequestParam int balance) {
			this.jdbc.sql("INSERT INTO account (id, balance) VALUES (?, ?)").params(id, balance).update();
		}

		@GetMapping("/accounts/{id}")
		String account(@PathVariable long id) {
			long entries = this.jdbc.sql("SELECT COUNT(*) FROM entry WHERE account_id = ?")
				.param(id)
				.query(Long.class)
				.single();
			return this.accounts.balance(id) + " " + entries;
		}

		@PostMapping("/accounts/{id}/withdraw")
		int withdraw(@PathVariable long id, @RequestParam int amount) {
			return this.accounts.withdraw(id, amount);
		}

		@PostMapping("/accounts/{id}/withdraw-in-one-transaction")
		int withdrawInOneTransaction(@PathVariable long id, @RequestParam int amount) {
			return this.transfers.withdrawInOneTransaction(id, amount);
		}

		@PostMapping("/accounts/{id}/deposit")
		int deposit(@PathVariable long id, @RequestParam int amount) {
			this.jdbc.sql("UPDATE account SET balance = balance + ? WHERE id = ?").params(amount, id).update();
			return this.accounts.balance(id);
		}

	}

}

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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The monthly billing run: invoices every account, one at a time, on a thread of its own.
 * It is slow on purpose ({@code sample.billing.work-per-account} per account), like a
 * real batch job whose failing state is expensive to reach.
 *
 * @author hot-restart authors
 */
@Service
public class BillingJob {

	private static final Log logger = LogFactory.getLog(BillingJob.class);

	private final JdbcClient jdbc;

	private final InvoiceCalculator calculator;

	private final Duration workPerAccount;

	private final AtomicLong ids = new AtomicLong();

	private final Map<Long, BillingRun> runs = new ConcurrentHashMap<>();

	public BillingJob(JdbcClient jdbc, InvoiceCalculator calculator,
			@Value("${sample.billing.work-per-account:2ms}") Duration workPerAccount) {
		this.jdbc = jdbc;
		this.calculator = calculator;
		this.workPerAccount = workPerAccount;
	}

	/**
	 * Start a billing run of every account.
	 * @return the run, already under way
	 */
	public BillingRun start() {
		List<Account> accounts = this.jdbc.sql("SELECT id, name, country_code, monthly_fee FROM account ORDER BY id")
			.query(Account.class)
			.list();
		BillingRun run = new BillingRun(this.ids.incrementAndGet(), accounts.size());
		this.runs.put(run.getId(), run);
		Thread thread = new Thread(() -> bill(run, accounts), "billing-run-" + run.getId());
		thread.setDaemon(true);
		thread.start();
		return run;
	}

	public Optional<BillingRun> find(long id) {
		return Optional.ofNullable(this.runs.get(id));
	}

	private void bill(BillingRun run, List<Account> accounts) {
		try {
			for (Account account : accounts) {
				run.visit();
				this.calculator.invoice(account);
				Thread.sleep(this.workPerAccount.toMillis());
			}
			run.completed();
			logger.info("Billing run " + run.getId() + " invoiced " + accounts.size() + " accounts");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			run.failed(ex);
		}
		catch (RuntimeException ex) {
			logger.error("Billing run " + run.getId() + " failed", ex);
			run.failed(ex);
		}
	}

}

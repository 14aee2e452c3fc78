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

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /billing-runs} starts a billing run; {@code GET /billing-runs/{id}} shows
 * its progress; {@code GET /invoices/summary} counts the invoices written.
 *
 * @author hot-restart authors
 */
@RestController
public class BillingController {

	private final BillingJob billingJob;

	private final JdbcClient jdbc;

	public BillingController(BillingJob billingJob, JdbcClient jdbc) {
		this.billingJob = billingJob;
		this.jdbc = jdbc;
	}

	@PostMapping("/billing-runs")
	public ResponseEntity<BillingRun> start() {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.billingJob.start());
	}

	@GetMapping("/billing-runs/{id}")
	public ResponseEntity<BillingRun> run(@PathVariable long id) {
		return ResponseEntity.of(this.billingJob.find(id));
	}

	@GetMapping("/invoices/summary")
	public InvoiceSummary invoices() {
		return this.jdbc.sql("SELECT COUNT(*) AS invoices, COALESCE(SUM(total), 0) AS total FROM invoice")
			.query(InvoiceSummary.class)
			.single();
	}

	/**
	 * How many invoices exist and what they add up to.
	 *
	 * @param invoices the number of invoices
	 * @param total the sum of their totals
	 */
	public record InvoiceSummary(long invoices, BigDecimal total) {

	}

}

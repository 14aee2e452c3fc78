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

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.testsupport.HotRestartClient;
import dev.hotrestart.testsupport.LogLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for parking {@code @Transactional} calls against a real database,
 * with the default rule for a caller's transaction (refuse to park). Subclasses choose
 * the database.
 */
@Timeout(120)
@ExtendWith(OutputCaptureExtension.class)
abstract class TransactionIntegrationTests {

	private static final AtomicLong accountIds = new AtomicLong();

	@LocalServerPort
	private int port;

	@Autowired
	private LedgerApplication.Behaviour behaviour;

	@Autowired
	private DataSource dataSource;

	protected HotRestartClient client;

	protected long account;

	@BeforeEach
	void openAccount() {
		this.client = new HotRestartClient(this.port);
		this.behaviour.broken = true;
		this.account = accountIds.incrementAndGet();
		assertThat(this.client.post("/accounts/" + this.account + "?balance=100").statusCode()).isEqualTo(200);
	}

	@AfterEach
	void abortAll() {
		this.client.abortAll();
	}

	@Test
	void failedAttemptIsRolledBackAndHoldsNoConnectionNorLockWhileParkedAndTheRetryCommits() throws Exception {
		CompletableFuture<HttpResponse<String>> waiting = this.client
			.sendAsync(this.client.request("/accounts/" + this.account + "/withdraw?amount=30")
				.POST(BodyPublishers.noBody())
				.build());
		String id = this.client.awaitParked(1).get(0).get("id").toString();

		assertThat(this.client.get("/accounts/" + this.account).body()).as("balance and entries after the rollback")
			.isEqualTo("100 0");
		assertThat(activeConnections()).as("connections in use while parked").isZero();
		HttpResponse<String> deposit = this.client
			.send(this.client.request("/accounts/" + this.account + "/deposit?amount=5")
				.timeout(Duration.ofSeconds(10))
				.POST(BodyPublishers.noBody())
				.build());
		assertThat(deposit.statusCode()).as("another request updates the same row meanwhile").isEqualTo(200);
		assertThat(deposit.body()).isEqualTo("105");

		this.behaviour.broken = false;
		HttpResponse<String> continued = this.client.post("/actuator/hotrestart/" + id + "/continue");

		assertThat(HotRestartClient.<String>read(continued, "$.outcome")).isEqualTo("resumed");
		assertThat(waiting.join().body()).isEqualTo("75");
		assertThat(this.client.get("/accounts/" + this.account).body()).as("the retry committed").isEqualTo("75 1");
	}

	@Test
	@LogLevel(loggers = "dev.hotrestart", level = "WARN")
	void failureInsideACallersTransactionDoesNotParkAndSaysWhy(CapturedOutput output) {
		HttpResponse<String> response = this.client
			.send(this.client.request("/accounts/" + this.account + "/withdraw-in-one-transaction?amount=30")
				.timeout(Duration.ofSeconds(10))
				.POST(BodyPublishers.noBody())
				.build());

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("is broken after its writes");
		assertThat(this.client.failures()).isEmpty();
		assertThat(output).contains("Not parking Accounts.withdraw(long, int) after java.lang.IllegalStateException: "
				+ "it runs inside a transaction its caller started");
		assertThat(this.client.get("/accounts/" + this.account).body()).isEqualTo("100 0");
	}

	protected int activeConnections() throws Exception {
		return this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
	}

}

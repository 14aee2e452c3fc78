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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
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
 * Integration tests for {@code hot-restart.park-in-caller-transaction=true}: a failure
 * inside a caller's transaction parks, the listing and the log say that the transaction
 * is rollback-only, and the caller's commit fails even after a successful retry.
 * Subclasses choose the database.
 */
@Timeout(120)
@ExtendWith(OutputCaptureExtension.class)
abstract class CallerTransactionParkIntegrationTests {

	private static final AtomicLong accountIds = new AtomicLong(1000);

	@LocalServerPort
	private int port;

	@Autowired
	private LedgerApplication.Behaviour behaviour;

	@Autowired
	private DataSource dataSource;

	private HotRestartClient client;

	@AfterEach
	void abortAll() {
		this.client.abortAll();
	}

	@Test
	@LogLevel(loggers = "dev.hotrestart", level = "WARN")
	void parksWithAWarningAndTheCallersCommitFails(CapturedOutput output) throws Exception {
		this.client = new HotRestartClient(this.port);
		this.behaviour.broken = true;
		long account = accountIds.incrementAndGet();
		this.client.post("/accounts/" + account + "?balance=100");
		CompletableFuture<HttpResponse<String>> waiting = this.client
			.sendAsync(this.client.request("/accounts/" + account + "/withdraw-in-one-transaction?amount=30")
				.POST(BodyPublishers.noBody())
				.build());
		Map<String, Object> failure = this.client.awaitParked(1).get(0);

		assertThat(failure.get("callerTransaction")).isEqualTo(true);
		assertThat(output)
			.contains("runs inside a transaction its caller started, which the failure has marked " + "rollback-only");
		assertThat(this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections())
			.as("the caller's transaction keeps its connection")
			.isEqualTo(1);

		this.behaviour.broken = false;
		HttpResponse<String> continued = this.client.post("/actuator/hotrestart/" + failure.get("id") + "/continue");

		assertThat(HotRestartClient.<String>read(continued, "$.outcome")).isEqualTo("resumed");
		HttpResponse<String> answer = waiting.join();
		assertThat(answer.statusCode()).isEqualTo(500);
		assertThat(answer.body()).contains("rollback-only");
		assertThat(this.client.get("/accounts/" + account).body()).as("nothing committed").isEqualTo("100 0");
	}

}

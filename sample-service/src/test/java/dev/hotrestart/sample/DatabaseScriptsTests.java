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

package dev.hotrestart.sample;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code schema.sql} and {@code data.sql} run on every start, DevTools
 * restarts included, and the in-memory database can outlive a start that failed: running
 * them again must neither fail nor duplicate data.
 */
class DatabaseScriptsTests {

	@Test
	void runningTheScriptsAgainLeavesTheSameData() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:scripts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		ResourceDatabasePopulator scripts = new ResourceDatabasePopulator(new ClassPathResource("schema.sql"),
				new ClassPathResource("data.sql"));
		JdbcClient jdbc = JdbcClient.create(dataSource);
		try {
			scripts.execute(dataSource);
			jdbc.sql("INSERT INTO invoice (account_id, net, vat, total) VALUES (1, 10, 2, 12)").update();

			scripts.execute(dataSource);

			assertThat(count(jdbc, "product")).isEqualTo(2);
			assertThat(count(jdbc, "account")).isEqualTo(5000);
			assertThat(count(jdbc, "invoice")).as("a new start begins without invoices").isZero();
			assertThat(jdbc.sql("SELECT country_code FROM account WHERE id = 3210").query(String.class).single())
				.isEqualTo("XK");
		}
		finally {
			jdbc.sql("SHUTDOWN").update();
		}
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

}

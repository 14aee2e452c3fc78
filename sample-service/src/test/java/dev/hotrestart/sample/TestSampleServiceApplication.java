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

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * Starts the sample service on PostgreSQL in a container instead of H2, for development:
 * {@code mvn -f sample-service spring-boot:test-run} (needs a Docker engine). Hot restart
 * is on, as with {@code spring-boot:run}.
 *
 * @author hot-restart authors
 */
public final class TestSampleServiceApplication {

	private TestSampleServiceApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(SampleServiceApplication::main)
			.with(PostgresContainer.class)
			.withAdditionalProfiles("postgresql")
			.run(args);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class PostgresContainer {

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgres() {
			return new PostgreSQLContainer("postgres:17-alpine");
		}

	}

}

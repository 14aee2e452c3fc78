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

package dev.hotrestart.testapp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.testsupport.HotRestartClient;

/**
 * Base class for tests against a running server with hot restart on: a
 * {@link HotRestartClient} for the server's port, no call left parked after a test, and a
 * time limit on every test, since a test that goes wrong can leave its request parked.
 */
@Timeout(120)
public abstract class AbstractHotRestartServerTests {

	@LocalServerPort
	protected int port;

	protected HotRestartClient client;

	@BeforeEach
	void createClient() {
		this.client = new HotRestartClient(this.port);
	}

	@AfterEach
	void abortParkedCalls() {
		this.client.abortAll();
	}

}

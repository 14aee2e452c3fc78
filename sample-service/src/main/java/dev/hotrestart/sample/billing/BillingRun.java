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

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The progress of one billing run. Updated by the run's thread, read by request threads.
 *
 * @author hot-restart authors
 */
public class BillingRun {

	/**
	 * Where a billing run is.
	 */
	public enum State {

		RUNNING, COMPLETED, FAILED

	}

	private final long id;

	private final int accounts;

	private final AtomicInteger accountsVisited = new AtomicInteger();

	private volatile State state = State.RUNNING;

	private volatile String failure;

	BillingRun(long id, int accounts) {
		this.id = id;
		this.accounts = accounts;
	}

	public long getId() {
		return this.id;
	}

	public int getAccounts() {
		return this.accounts;
	}

	/**
	 * Return how many accounts the run has started to bill; a run that had to start over
	 * would count past {@link #getAccounts()}.
	 * @return the accounts visited so far
	 */
	public int getAccountsVisited() {
		return this.accountsVisited.get();
	}

	public State getState() {
		return this.state;
	}

	public String getFailure() {
		return this.failure;
	}

	void visit() {
		this.accountsVisited.incrementAndGet();
	}

	void completed() {
		this.state = State.COMPLETED;
	}

	void failed(Throwable exception) {
		this.failure = exception.toString();
		this.state = State.FAILED;
	}

}

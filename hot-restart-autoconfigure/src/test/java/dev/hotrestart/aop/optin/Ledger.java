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

package dev.hotrestart.aop.optin;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bean of a package that {@code hot-restart.pointcut} opts in, with no
 * {@code @HotRestart} anywhere.
 */
public class Ledger {

	private final Switch behaviour;

	public Ledger(Switch behaviour) {
		this.behaviour = behaviour;
	}

	public String post(Object entry) {
		this.behaviour.calls.incrementAndGet();
		this.behaviour.lastEntry = entry;
		if (this.behaviour.broken) {
			throw new IllegalStateException("broken");
		}
		return "posted " + entry;
	}

	public int balance() {
		return 42;
	}

	public void reject(String reason) {
		throw new IllegalArgumentException(reason);
	}

	public Switch behaviour() {
		return this.behaviour;
	}

	@Override
	public String toString() {
		throw new IllegalStateException("not advised");
	}

	/**
	 * What the ledger does, shared with the test outside the proxy (not a bean).
	 */
	public static class Switch {

		public volatile boolean broken = true;

		public final AtomicInteger calls = new AtomicInteger();

		public volatile Object lastEntry;

	}

}

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

package dev.hotrestart.park;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Tells whether the current thread runs inside a transaction that a caller of the advised
 * method started. The hot-restart advice runs outside the method's own
 * {@code @Transactional}, so when the failure reaches it, any transaction still active on
 * the thread belongs to a caller: the failed attempt has marked it rollback-only (a
 * successful retry would fail at commit with {@code UnexpectedRollbackException}), and it
 * holds its connection and row locks for as long as the call parks.
 *
 * @author hot-restart authors
 */
final class CallerTransaction {

	private static final boolean SPRING_TX_PRESENT = ClassUtils.isPresent(
			"org.springframework.transaction.support.TransactionSynchronizationManager",
			CallerTransaction.class.getClassLoader());

	private CallerTransaction() {
	}

	/**
	 * Return whether a transaction is active on the current thread.
	 * @return {@code true} inside a caller's transaction
	 */
	static boolean isActive() {
		return SPRING_TX_PRESENT && Transactions.isActive();
	}

	/**
	 * Isolates the Spring transaction types so that this class loads without them.
	 */
	private static final class Transactions {

		static boolean isActive() {
			return TransactionSynchronizationManager.isActualTransactionActive();
		}

	}

}

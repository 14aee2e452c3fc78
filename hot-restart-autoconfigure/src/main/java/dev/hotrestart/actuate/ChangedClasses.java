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

package dev.hotrestart.actuate;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The classes whose class files changed since they were loaded, as the endpoint lists
 * them. A console polls the list every second, and finding changes scans the class
 * directories, so an answer is reused for a short while.
 * <p>
 * Thread-safe: concurrent readers share one scan.
 *
 * @author hot-restart authors
 */
class ChangedClasses {

	private final Supplier<List<String>> pendingChanges;

	private final long maxAgeNanos;

	private List<String> classNames = List.of();

	private long scannedAt;

	private boolean scanned;

	ChangedClasses(Supplier<List<String>> pendingChanges, Duration maxAge) {
		this.pendingChanges = pendingChanges;
		this.maxAgeNanos = maxAge.toNanos();
	}

	synchronized List<String> get() {
		long now = System.nanoTime();
		if (!this.scanned || now - this.scannedAt > this.maxAgeNanos) {
			this.classNames = scan();
			this.scannedAt = now;
			this.scanned = true;
		}
		return this.classNames;
	}

	/**
	 * Forget the last answer, after a reload has made it stale.
	 */
	synchronized void invalidate() {
		this.scanned = false;
	}

	private List<String> scan() {
		try {
			return List.copyOf(this.pendingChanges.get());
		}
		catch (UncheckedIOException ex) {
			// A build is rewriting the directories; the next poll will see the result
			return this.classNames;
		}
	}

}

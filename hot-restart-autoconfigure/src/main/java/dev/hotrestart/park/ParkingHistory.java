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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent resolved calls, newest first, bounded in size so that a long debugging
 * session does not grow it without end.
 * <p>
 * Thread-safe: parked threads {@link #add add} as their calls finish while endpoint
 * threads read the {@link #getEntries() entries}.
 *
 * @author hot-restart authors
 */
public class ParkingHistory {

	private final Deque<ResolvedCall> entries = new ArrayDeque<>();

	private final int capacity;

	/**
	 * Create a history that keeps the latest {@code capacity} entries.
	 * @param capacity how many resolved calls to remember
	 */
	public ParkingHistory(int capacity) {
		this.capacity = capacity;
	}

	synchronized void add(ResolvedCall call) {
		if (this.capacity <= 0) {
			return;
		}
		this.entries.addFirst(call);
		while (this.entries.size() > this.capacity) {
			this.entries.removeLast();
		}
	}

	/**
	 * Return the resolved calls, newest first.
	 * @return a snapshot of the history
	 */
	public synchronized List<ResolvedCall> getEntries() {
		return List.copyOf(this.entries);
	}

}

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

package dev.hotrestart.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.connection.ClientAddress;

/**
 * Slows down guessing of the shared secret: after a number of wrong or repeated secrets
 * in a row, a client is locked out for {@link #FIRST_LOCKOUT}, and each further lockout
 * doubles, up to {@link #LONGEST_LOCKOUT}; a success forgets its failures, and so does an
 * hour without one. A client is its address, and an IPv6 client its /64 network, since
 * one host may hold all of it. Remembers the most recent {@value #MAX_CLIENTS} clients.
 * <p>
 * Thread-safe: request threads call it concurrently.
 *
 * @author hot-restart authors
 */
final class SecretThrottle {

	static final int DEFAULT_MAX_FAILURES = 5;

	static final Duration FIRST_LOCKOUT = Duration.ofMinutes(1);

	static final Duration LONGEST_LOCKOUT = Duration.ofHours(1);

	static final int MAX_CLIENTS = 1024;

	private static final String UNPLACED = "clients named by forwarded headers";

	private final Map<String, Failures> clients = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
			return size() > MAX_CLIENTS;
		}

	};

	private final int maxFailures;

	private final Clock clock;

	SecretThrottle(int maxFailures, Clock clock) {
		this.maxFailures = Math.max(1, maxFailures);
		this.clock = clock;
	}

	/**
	 * Return how long a client stays locked out.
	 * @param client the client
	 * @return the time left, or {@code null} if it may try
	 */
	synchronized @Nullable Duration lockedFor(ClientAddress client) {
		Failures failures = this.clients.get(key(client));
		Instant now = this.clock.instant();
		if (failures == null || failures.lockedUntil == null || !now.isBefore(failures.lockedUntil)) {
			return null;
		}
		return Duration.between(now, failures.lockedUntil);
	}

	/**
	 * Count a refused attempt of a client.
	 * @param client the client
	 */
	synchronized void failed(ClientAddress client) {
		Instant now = this.clock.instant();
		Failures failures = this.clients.computeIfAbsent(key(client), (key) -> new Failures());
		if (failures.last != null && now.isAfter(failures.last.plus(LONGEST_LOCKOUT))) {
			failures.count = 0;
			failures.lockouts = 0;
		}
		failures.last = now;
		failures.count++;
		if (failures.count >= this.maxFailures) {
			Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << Math.min(failures.lockouts, 10));
			failures.lockedUntil = now.plus((lockout.compareTo(LONGEST_LOCKOUT) < 0) ? lockout : LONGEST_LOCKOUT);
			failures.lockouts++;
			failures.count = 0;
		}
	}

	/**
	 * Forget the failures of a client that got in.
	 * @param client the client
	 */
	synchronized void succeeded(ClientAddress client) {
		this.clients.remove(key(client));
	}

	static String key(ClientAddress client) {
		if (client.basis() == ClientAddress.Basis.FORWARDED) {
			// Its address is its own claim: one that changes with every request must not
			// escape the throttle
			return UNPLACED;
		}
		String address = client.address();
		if (address.indexOf(':') >= 0 && address.matches("[0-9a-fA-F:.]+(%[\\w.-]+)?")) {
			try {
				byte[] bytes = InetAddress.getByName("[" + address + "]").getAddress();
				if (bytes.length == 16) {
					return network64(bytes);
				}
			}
			catch (UnknownHostException ex) {
				// Not an address after all: the address itself is the key
			}
		}
		return address;
	}

	private static String network64(byte[] bytes) {
		StringBuilder network = new StringBuilder();
		for (int i = 0; i < 8; i += 2) {
			network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
		}
		return network.append(":/64").toString();
	}

	/**
	 * The refused attempts of one client.
	 */
	private static final class Failures {

		private int count;

		private int lockouts;

		private @Nullable Instant last;

		private @Nullable Instant lockedUntil;

	}

}

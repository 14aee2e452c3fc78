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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Logs refused requests at WARN, at most one line every {@link #INTERVAL}: a refusal is
 * worth knowing about, but a client that keeps trying must not flood the log. The next
 * line logged says how many refusals went unlogged.
 * <p>
 * Thread-safe: request threads call it concurrently.
 *
 * @author hot-restart authors
 */
final class RefusalLog {

	static final Duration INTERVAL = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(RefusalLog.class);

	private final Clock clock;

	private @Nullable Instant lastLogged;

	private int unlogged;

	RefusalLog(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Log a refused request, unless another one was logged less than {@link #INTERVAL}
	 * ago.
	 * @param request the request line, such as {@code GET /actuator/hotrestart}
	 * @param client the client's address
	 * @param refusal the answer
	 */
	void refused(String request, String client, AccessRefusal refusal) {
		String unloggedBefore;
		synchronized (this) {
			Instant now = this.clock.instant();
			if (this.lastLogged != null && now.isBefore(this.lastLogged.plus(INTERVAL))) {
				this.unlogged++;
				return;
			}
			unloggedBefore = (this.unlogged > 0) ? " (" + this.unlogged + " more refused since " + this.lastLogged
					+ ", not logged: at most one line every " + INTERVAL.toSeconds() + " s)" : "";
			this.lastLogged = now;
			this.unlogged = 0;
		}
		logger.warn("Refused " + AccessRules.abbreviate(request) + " from " + AccessRules.abbreviate(client) + " with "
				+ refusal.status() + ": " + refusal.message() + unloggedBefore);
	}

}

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

import org.jspecify.annotations.Nullable;

/**
 * Applies the {@link AccessRules} to a request and answers a refusal: {@code 403}, or
 * {@code 429} with a time to wait while a client that kept sending wrong secrets is
 * locked out ({@link SecretThrottle}). Refusals are logged at WARN, rate-limited
 * ({@link RefusalLog}). Independent of any web stack: a servlet filter and a reactive web
 * filter ask it alike.
 * <p>
 * Thread-safe: request threads call it concurrently.
 *
 * @author hot-restart authors
 */
public final class AccessGuard {

	private final AccessRules rules;

	private final SecretThrottle throttle;

	private final RefusalLog log;

	/**
	 * Create a guard that locks a client out after
	 * {@value SecretThrottle#DEFAULT_MAX_FAILURES} wrong secrets in a row.
	 * @param rules the rules to apply
	 */
	public AccessGuard(AccessRules rules) {
		this(rules, SecretThrottle.DEFAULT_MAX_FAILURES);
	}

	/**
	 * Create a guard.
	 * @param rules the rules to apply
	 * @param maxFailures the number of wrong or repeated secrets in a row after which a
	 * client is locked out
	 */
	public AccessGuard(AccessRules rules, int maxFailures) {
		this(rules, maxFailures, Clock.systemUTC());
	}

	AccessGuard(AccessRules rules, int maxFailures, Clock clock) {
		this.rules = rules;
		this.throttle = new SecretThrottle(maxFailures, clock);
		this.log = new RefusalLog(clock);
	}

	/**
	 * Check a request.
	 * @param request the request
	 * @param requestLine the request's method and path, for the log
	 * @return the answer to refuse it with, or {@code null} if it may pass
	 */
	public @Nullable AccessRefusal check(AccessRequest request, String requestLine) {
		AccessRefusal refusal = refusal(request);
		if (refusal != null) {
			this.log.refused(requestLine, request.client().address(), refusal);
		}
		return refusal;
	}

	private @Nullable AccessRefusal refusal(AccessRequest request) {
		boolean throttled = this.rules.hasSecret() && this.rules.needsSecret(request);
		if (throttled) {
			Duration lockedFor = this.throttle.lockedFor(request.client());
			if (lockedFor != null) {
				return new AccessRefusal(429,
						"Too many requests from this address came without the right " + AccessRules.SECRET_HEADER
								+ " header. Wait for the time in Retry-After, then send the value of "
								+ "hot-restart.remote.secret.",
						lockedFor);
			}
		}
		AccessRules.Refusal refusal = this.rules.check(request);
		if (throttled) {
			if (refusal == null || refusal.reason() != AccessRules.Reason.SECRET) {
				this.throttle.succeeded(request.client());
			}
			else if (!request.headers().values(AccessRules.SECRET_HEADER).isEmpty()) {
				// A guess; a request without a secret tells its sender nothing
				this.throttle.failed(request.client());
			}
		}
		return (refusal != null) ? new AccessRefusal(403, refusal.message(), null) : null;
	}

}

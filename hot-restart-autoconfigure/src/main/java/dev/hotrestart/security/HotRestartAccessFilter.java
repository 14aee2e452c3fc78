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

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the endpoint and the console with an {@link AccessGuard}: a refused request gets
 * {@code 403} (or {@code 429} with {@code Retry-After} while its client is throttled)
 * with a JSON body {@code {"error": "..."}} that says why and what to do, and goes no
 * further. Every answer, refusals included, carries the {@link SecurityHeaders}.
 * Registered only for the endpoint's and the console's paths, ahead of every other filter
 * (Spring Security's rules, when present, apply after it). Thread-safe.
 *
 * @author hot-restart authors
 */
public class HotRestartAccessFilter extends OncePerRequestFilter {

	private final AccessGuard guard;

	/**
	 * Create a filter that applies the given rules.
	 * @param rules the rules
	 */
	public HotRestartAccessFilter(AccessRules rules) {
		this(new AccessGuard(rules));
	}

	/**
	 * Create a filter that asks the given guard.
	 * @param guard the guard
	 */
	public HotRestartAccessFilter(AccessGuard guard) {
		this.guard = guard;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecurityHeaders.all().forEach(response::setHeader);
		AccessRefusal refusal = this.guard.check(ServletAccessRequests.of(request),
				request.getMethod() + " " + request.getRequestURI());
		if (refusal == null) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = refusal.body();
		response.setStatus(refusal.status());
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		if (refusal.retryAfterSeconds() != null) {
			response.setHeader("Retry-After", refusal.retryAfterSeconds());
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}

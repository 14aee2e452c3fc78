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

import java.util.Collection;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Guards the endpoint and the console of a WebFlux application with an
 * {@link AccessGuard}, as {@link HotRestartAccessFilter} does in a servlet one: a refused
 * request gets {@code 403} (or {@code 429} with {@code Retry-After} while its client is
 * throttled) with a JSON body {@code {"error": "..."}} that says why and what to do, and
 * goes no further. Every answer on the guarded paths, refusals included, carries the
 * {@link SecurityHeaders}. Ordered ahead of every other web filter (Spring Security's
 * included); the client is judged by the connection's real peer (see
 * {@link dev.hotrestart.connection.ReactiveClientConnections}). Thread-safe.
 *
 * @author hot-restart authors
 */
public class HotRestartAccessWebFilter implements WebFilter, Ordered {

	private final AccessGuard guard;

	private final GuardedPaths paths;

	/**
	 * Create a filter.
	 * @param guard the guard that applies the access rules
	 * @param paths the guarded paths within the application, such as
	 * {@code /actuator/hotrestart}; everything below them is guarded too
	 */
	public HotRestartAccessWebFilter(AccessGuard guard, Collection<String> paths) {
		this.guard = guard;
		this.paths = new GuardedPaths(paths);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.paths.matches(request.getPath().pathWithinApplication())) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		SecurityHeaders.all().forEach(response.getHeaders()::set);
		AccessRefusal refusal = this.guard.check(ReactiveAccessRequests.of(request),
				request.getMethod().name() + " " + request.getPath().value());
		if (refusal == null) {
			return chain.filter(exchange);
		}
		byte[] body = refusal.body();
		response.setStatusCode(HttpStatus.valueOf(refusal.status()));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
		String retryAfter = refusal.retryAfterSeconds();
		if (retryAfter != null) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}

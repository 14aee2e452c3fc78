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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
 * Guards the endpoint and the console of a WebFlux application with the
 * {@link AccessRules}, as {@link HotRestartAccessFilter} does in a servlet one: a refused
 * request gets {@code 403} with a JSON body whose {@code error} says why and what to do,
 * and goes no further. Ordered ahead of every other web filter (Spring Security's
 * included); the remote address is the connection's real peer (see
 * {@link ReactiveAccessRequest}). Its answers on the guarded paths also forbid framing,
 * so that no other page can lay the console under a deceptive one. Thread-safe.
 *
 * @author hot-restart authors
 */
public class HotRestartAccessWebFilter implements WebFilter, Ordered {

	private static final Log logger = LogFactory.getLog(HotRestartAccessWebFilter.class);

	private final AccessRules rules;

	private final GuardedPaths paths;

	/**
	 * Create a filter.
	 * @param rules the access rules
	 * @param paths the guarded paths within the application, such as
	 * {@code /actuator/hotrestart}; everything below them is guarded too
	 */
	public HotRestartAccessWebFilter(AccessRules rules, Collection<String> paths) {
		this.rules = rules;
		this.paths = new GuardedPaths(paths);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.paths.matches(request.getPath().pathWithinApplication())) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().set("X-Frame-Options", "DENY");
		response.getHeaders().set("Content-Security-Policy", "frame-ancestors 'none'");
		String refusal = this.rules.refusal(new ReactiveAccessRequest(request));
		if (refusal == null) {
			return chain.filter(exchange);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Refused " + request.getMethod() + " " + request.getPath() + ": " + refusal);
		}
		byte[] body = RefusalBody.of(refusal);
		response.setStatusCode(HttpStatus.FORBIDDEN);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}

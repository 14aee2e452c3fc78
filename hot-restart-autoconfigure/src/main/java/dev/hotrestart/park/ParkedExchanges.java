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

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

import dev.hotrestart.connection.ClientAddress;
import dev.hotrestart.connection.ReactiveClientConnections;

/**
 * The web requests of a WebFlux application, as calls that park without a thread see
 * them: each request's handling gets a {@link ServedRequest} in its Reactor context, so
 * that a parked call lists its request line, and the requests that parked calls serve are
 * tracked until the server has answered them, error included, so that shutdown can wait
 * until released callers have their answer.
 * <p>
 * {@link #apply} decorates the application's {@link HttpHandler} once, at start-up; the
 * decorated handler runs on the server's threads, {@link #awaitAnswered} on the shutdown
 * thread.
 *
 * @author hot-restart authors
 */
public class ParkedExchanges implements HttpHandlerDecoratorFactory, ReleasedRequests {

	private final Set<Object> inFlight = ConcurrentHashMap.newKeySet();

	private final Object answered = new Object();

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> handle(handler, request, response);
	}

	private Mono<Void> handle(HttpHandler handler, ServerHttpRequest request, ServerHttpResponse response) {
		Object token = new Object();
		ServedRequest served = new ServedRequest(() -> requestLine(request), () -> this.inFlight.add(token));
		return handler.handle(request, response)
			.contextWrite(Context.of(ServedRequest.CONTEXT_KEY, served))
			.doFinally((signal) -> answered(token));
	}

	private static WebRequestLine requestLine(ServerHttpRequest request) {
		URI uri = request.getURI();
		String query = uri.getRawQuery();
		ClientAddress client = ReactiveClientConnections.clientAddress(request);
		return new WebRequestLine(request.getMethod().name(),
				(query != null) ? uri.getRawPath() + "?" + query : uri.getRawPath(), client.address(),
				!client.thisMachine());
	}

	private void answered(Object token) {
		if (this.inFlight.remove(token)) {
			synchronized (this.answered) {
				this.answered.notifyAll();
			}
		}
	}

	/**
	 * Wait until every request that served a parked call has been answered.
	 * @param maxWait how long to wait at most
	 * @return whether they were all answered in time
	 */
	@Override
	public boolean awaitAnswered(Duration maxWait) {
		long deadline = System.nanoTime() + maxWait.toNanos();
		synchronized (this.answered) {
			while (!this.inFlight.isEmpty()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return false;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.answered, remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}

}

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

import java.util.function.Supplier;

import org.springframework.util.function.SingletonSupplier;

/**
 * The web request a call serves, handed to calls that park without a thread through their
 * caller's context (Reactor's {@code Context} in a WebFlux application), where no request
 * is bound to a thread. The web layer puts one in the context of each request under
 * {@link #CONTEXT_KEY}; a call that parks reads its request line and reports that it
 * parked, so that shutdown waits until that request has been answered. Thread-safe.
 *
 * @author hot-restart authors
 */
public final class ServedRequest {

	/**
	 * The key of the served request in a Reactor {@code Context}.
	 */
	public static final String CONTEXT_KEY = ServedRequest.class.getName();

	private final Supplier<WebRequestLine> line;

	private final Runnable onParked;

	/**
	 * Create a served request.
	 * @param line supplies the request line, asked for only when a call parks
	 * @param onParked told when a call serving the request parks
	 */
	public ServedRequest(Supplier<WebRequestLine> line, Runnable onParked) {
		this.line = SingletonSupplier.of(line);
		this.onParked = onParked;
	}

	/**
	 * Return the request line.
	 * @return the method and URI of the request
	 */
	public WebRequestLine line() {
		return this.line.get();
	}

	/**
	 * Report that a call serving the request has parked.
	 */
	public void parked() {
		this.onParked.run();
	}

}

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

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.ServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Keeps the servlet requests that parked calls serve until the servlet container has
 * finished them, so that a closing context (shutdown, or a DevTools restart) waits until
 * the released callers have their answer. Leaving the parked call is not enough: the
 * container renders the error page after the servlet has returned, and graceful shutdown
 * can see no active request in between and close the connection under the caller.
 * <p>
 * When the context closes it releases the parked calls (as {@link ParkedCallReleaser}
 * does; whichever runs first does it) and waits, bounded, until their requests are
 * destroyed. Thread-safe: parked threads, container threads and the closing thread use it
 * concurrently.
 *
 * @author hot-restart authors
 */
public class ParkedRequests implements ParkListener, ServletRequestListener, ApplicationListener<ContextClosedEvent>,
		ApplicationContextAware {

	private final ParkingLot parkingLot;

	private final Duration maxWait;

	private final Set<ServletRequest> requests = Collections.newSetFromMap(new IdentityHashMap<>());

	private @Nullable ApplicationContext applicationContext;

	/**
	 * Create the tracker.
	 * @param parkingLot the lot whose calls are released on close
	 * @param maxWait how long a closing context waits for the released requests
	 */
	public ParkedRequests(ParkingLot parkingLot, Duration maxWait) {
		this.parkingLot = parkingLot;
		this.maxWait = maxWait;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void parked(ParkedCall call) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servletAttributes) {
			synchronized (this.requests) {
				this.requests.add(unwrap(servletAttributes.getRequest()));
			}
		}
	}

	@Override
	public void requestDestroyed(ServletRequestEvent event) {
		synchronized (this.requests) {
			if (this.requests.remove(unwrap(event.getServletRequest()))) {
				this.requests.notifyAll();
			}
		}
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() != this.applicationContext) {
			return;
		}
		long deadline = System.nanoTime() + this.maxWait.toNanos();
		this.parkingLot.releaseAll(this.maxWait);
		synchronized (this.requests) {
			while (!this.requests.isEmpty()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.requests, remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * Return how many requests of parked calls the container has not finished yet.
	 * @return the number of requests
	 */
	public int size() {
		synchronized (this.requests) {
			return this.requests.size();
		}
	}

	private static ServletRequest unwrap(ServletRequest request) {
		ServletRequest unwrapped = request;
		while (unwrapped instanceof ServletRequestWrapper wrapper) {
			unwrapped = wrapper.getRequest();
		}
		return unwrapped;
	}

}

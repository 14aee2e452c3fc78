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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tracks the web requests that parked calls serve until the servlet container has
 * finished them, error page included, so that shutdown can wait until released callers
 * have their answer. A released call leaves the advice long before its error answer is
 * written: Spring's error handling and the container's error page dispatch come after,
 * and a web server that stops in between leaves the client with an empty reply.
 * <p>
 * {@link #parked} runs on the parked thread, {@link #requestDestroyed} on the request's
 * thread when the container is done with it, {@link #awaitFinished} on the shutdown
 * thread.
 *
 * @author hot-restart authors
 */
public class ParkedRequests implements ParkListener, ReleasedRequests, ServletRequestListener {

	private static final String ATTRIBUTE = ParkedRequests.class.getName();

	private final Set<Object> inFlight = ConcurrentHashMap.newKeySet();

	private final Object finished = new Object();

	@Override
	public void parked(ParkedCall call) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servletAttributes) {
			ServletRequest request = servletAttributes.getRequest();
			if (request.getAttribute(ATTRIBUTE) == null) {
				Object token = new Object();
				this.inFlight.add(token);
				request.setAttribute(ATTRIBUTE, token);
			}
		}
	}

	@Override
	public void requestDestroyed(ServletRequestEvent event) {
		Object token = event.getServletRequest().getAttribute(ATTRIBUTE);
		if (token != null && this.inFlight.remove(token)) {
			synchronized (this.finished) {
				this.finished.notifyAll();
			}
		}
	}

	/**
	 * Wait until every request that served a parked call has been finished by the
	 * container, error page included.
	 * @param maxWait how long to wait at most
	 * @return whether they all finished in time
	 */
	@Override
	public boolean awaitAnswered(Duration maxWait) {
		long deadline = System.nanoTime() + maxWait.toNanos();
		synchronized (this.finished) {
			while (!this.inFlight.isEmpty()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return false;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.finished, remaining);
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

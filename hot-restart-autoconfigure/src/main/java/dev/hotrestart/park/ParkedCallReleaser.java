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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Releases every parked call with its original exception when the application context
 * closes (shutdown, or a DevTools restart), before the web server stops, and waits
 * (bounded) for the released threads to leave, so that waiting clients get the error
 * instead of an empty reply after the graceful-shutdown timeout. In a servlet web
 * application it also waits, within the same bound, until the container has written the
 * released requests' error answers (see {@link ReleasedRequests}).
 *
 * @author hot-restart authors
 */
public class ParkedCallReleaser implements ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

	private static final Log logger = LogFactory.getLog(ParkedCallReleaser.class);

	private final ParkingLot parkingLot;

	private final Duration maxWait;

	private final @Nullable ReleasedRequests releasedRequests;

	private ApplicationContext applicationContext;

	/**
	 * Create a releaser.
	 * @param parkingLot the lot to release
	 * @param maxWait how long to wait, in all, for released calls to leave and their
	 * requests to finish
	 * @param releasedRequests the web requests parked calls serve, or {@code null}
	 * outside a servlet web application
	 */
	public ParkedCallReleaser(ParkingLot parkingLot, Duration maxWait, @Nullable ReleasedRequests releasedRequests) {
		this.parkingLot = parkingLot;
		this.maxWait = maxWait;
		this.releasedRequests = releasedRequests;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() != this.applicationContext) {
			return;
		}
		long start = System.nanoTime();
		int released = this.parkingLot.releaseAll(this.maxWait);
		if (released > 0 && this.releasedRequests != null) {
			this.releasedRequests.awaitAnswered(this.maxWait.minusNanos(System.nanoTime() - start));
		}
		if (released > 0) {
			logger.warn("Released " + released + " parked call(s) with their original exceptions on shutdown");
		}
	}

}

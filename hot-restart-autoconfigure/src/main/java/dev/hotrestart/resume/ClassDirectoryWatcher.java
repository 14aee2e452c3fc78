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

package dev.hotrestart.resume;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

import dev.hotrestart.park.ParkListener;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassFileWalker;

/**
 * Tells {@link ResumeOnSave} when class files change, for applications without DevTools'
 * file watcher. A light poller of the class directories' time stamps and sizes, on one
 * daemon thread that runs only while calls are parked: it starts when a call parks and
 * ends when the lot is empty or the context closes. Changes are reported once the
 * directories have been quiet for a while, so that a build writing many files resumes the
 * calls once.
 * <p>
 * Thread-safe: parked threads, the endpoint and the context's closing thread may call it
 * concurrently; the decision to start or to end the thread is taken under one monitor.
 *
 * @author hot-restart authors
 */
public class ClassDirectoryWatcher implements ParkListener, DisposableBean {

	private static final Log logger = LogFactory.getLog(ClassDirectoryWatcher.class);

	private final List<Path> directories;

	private final ParkingLot parkingLot;

	private final ResumeOnSave resumeOnSave;

	private final Duration pollInterval;

	private final Duration quietPeriod;

	private final Object monitor = new Object();

	private @Nullable Thread thread;

	private boolean stopped;

	/**
	 * Create a watcher.
	 * @param directories the class directories to watch
	 * @param parkingLot the parking lot whose calls make the watcher run
	 * @param resumeOnSave told about changes
	 * @param pollInterval time between two looks at the directories
	 * @param quietPeriod how long the directories must stay unchanged before a change is
	 * reported
	 */
	public ClassDirectoryWatcher(List<Path> directories, ParkingLot parkingLot, ResumeOnSave resumeOnSave,
			Duration pollInterval, Duration quietPeriod) {
		this.directories = List.copyOf(directories);
		this.parkingLot = parkingLot;
		this.resumeOnSave = resumeOnSave;
		this.pollInterval = pollInterval;
		this.quietPeriod = quietPeriod;
	}

	@Override
	public void parked(ParkedCall call) {
		start();
	}

	private void start() {
		synchronized (this.monitor) {
			if (this.thread != null || !shouldWatch()) {
				return;
			}
			Thread watcher = new Thread(this::watch, "hot-restart-class-watcher");
			watcher.setDaemon(true);
			this.thread = watcher;
			watcher.start();
		}
	}

	/**
	 * Return whether the watcher thread is running.
	 * @return {@code true} while it watches
	 */
	public boolean isWatching() {
		synchronized (this.monitor) {
			return this.thread != null;
		}
	}

	private boolean shouldWatch() {
		return !this.stopped && !this.parkingLot.getCalls().isEmpty();
	}

	private void watch() {
		Map<Path, FileStamp> last = snapshot();
		long changedAt = 0;
		while (true) {
			synchronized (this.monitor) {
				if (!shouldWatch()) {
					this.thread = null;
					return;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.monitor, this.pollInterval.toNanos());
				}
				catch (InterruptedException ex) {
					this.thread = null;
					return;
				}
				if (!shouldWatch()) {
					this.thread = null;
					return;
				}
			}
			Map<Path, FileStamp> current = snapshot();
			if (!current.equals(last)) {
				last = current;
				changedAt = System.nanoTime();
			}
			else if (changedAt != 0 && System.nanoTime() - changedAt >= this.quietPeriod.toNanos()) {
				changedAt = 0;
				resume();
			}
		}
	}

	private void resume() {
		try {
			this.resumeOnSave.classesChanged();
		}
		catch (RuntimeException ex) {
			logger.warn("Resume on save failed; continue the parked calls by hand", ex);
		}
	}

	private Map<Path, FileStamp> snapshot() {
		Map<Path, FileStamp> stamps = new HashMap<>();
		try {
			ClassFileWalker.walk(this.directories, (file, attributes) -> stamps.put(file,
					new FileStamp(attributes.lastModifiedTime().toMillis(), attributes.size())));
		}
		catch (UncheckedIOException ex) {
			// A directory that cannot be read now is looked at again on the next poll
		}
		return stamps;
	}

	@Override
	public void destroy() {
		synchronized (this.monitor) {
			this.stopped = true;
			this.monitor.notifyAll();
		}
	}

	private record FileStamp(long lastModified, long size) {

	}

}

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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

import dev.hotrestart.compile.SourceLanguage;
import dev.hotrestart.park.ParkListener;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassFileWalker;

/**
 * Watches the application's class directories, and its source directories, while calls
 * are parked, and hands every build that lands there (or every save of sources) to the
 * {@link ChangeApplier} as one batch, once the directories have been quiet for a short
 * while (so that a build that deletes and rewrites many class files counts once).
 * <p>
 * Uses the operating system's change notification through a {@link WatchService} (inotify
 * on Linux, {@code ReadDirectoryChangesW} on Windows), so a build is noticed within
 * milliseconds at no cost while nothing changes. Where the JDK has no native
 * implementation and would itself poll every few seconds (macOS), or where watching
 * cannot start (inotify's watch limit reached), it compares the directories' time stamps
 * and sizes itself every {@code pollInterval} instead.
 * <p>
 * Runs on one daemon thread that starts when a call parks and ends when the lot is empty
 * or the context closes. Once it watches, it applies at once whatever was compiled before
 * (between the failure and the start of watching, say), so that no build is missed.
 * Thread-safe: parked threads and the context's closing thread may call it concurrently;
 * starting and ending the thread is decided under one monitor.
 *
 * @author hot-restart authors
 */
public class ClassDirectoryWatcher implements ParkListener, DisposableBean {

	private static final Log logger = LogFactory.getLog(ClassDirectoryWatcher.class);

	private static final Duration IDLE_CHECK = Duration.ofMillis(250);

	private final List<Path> directories;

	private final Supplier<List<Path>> sourceDirectories;

	private final ParkingLot parkingLot;

	private final ChangeApplier applier;

	private final Duration quietPeriod;

	private final Duration pollInterval;

	private final Object monitor = new Object();

	private @Nullable Thread thread;

	private @Nullable WatchService watchService;

	private boolean stopped;

	private boolean caughtUp;

	/**
	 * Create a watcher.
	 * @param directories the class directories to watch
	 * @param parkingLot the parking lot whose calls make the watcher run
	 * @param applier told of every build
	 * @param quietPeriod how long the directories must stay unchanged before a build
	 * counts as landed
	 * @param pollInterval time between two looks at the directories where the operating
	 * system does not notify changes
	 */
	public ClassDirectoryWatcher(List<Path> directories, ParkingLot parkingLot, ChangeApplier applier,
			Duration quietPeriod, Duration pollInterval) {
		this(directories, List::of, parkingLot, applier, quietPeriod, pollInterval);
	}

	/**
	 * Create a watcher of class and source directories.
	 * @param directories the class directories to watch
	 * @param sourceDirectories supplies the source directories to watch, asked when
	 * watching starts
	 * @param parkingLot the parking lot whose calls make the watcher run
	 * @param applier told of every build and every save of sources
	 * @param quietPeriod how long the directories must stay unchanged before a build
	 * counts as landed
	 * @param pollInterval time between two looks at the directories where the operating
	 * system does not notify changes
	 */
	public ClassDirectoryWatcher(List<Path> directories, Supplier<List<Path>> sourceDirectories, ParkingLot parkingLot,
			ChangeApplier applier, Duration quietPeriod, Duration pollInterval) {
		this.directories = List.copyOf(directories);
		this.sourceDirectories = sourceDirectories;
		this.parkingLot = parkingLot;
		this.applier = applier;
		this.quietPeriod = quietPeriod;
		this.pollInterval = pollInterval;
	}

	@Override
	public void parked(ParkedCall call) {
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
	 * Return whether the watcher watches: its thread runs, it has registered the class
	 * directories and applied what was compiled before. Every build from then on is
	 * noticed.
	 * @return {@code true} while it watches
	 */
	public boolean isWatching() {
		synchronized (this.monitor) {
			return this.thread != null && this.caughtUp;
		}
	}

	private boolean shouldWatch() {
		return !this.stopped && !this.parkingLot.getCalls().isEmpty();
	}

	private void watch() {
		try {
			List<Path> roots = new ArrayList<>(this.directories);
			roots.addAll(this.sourceDirectories.get());
			WatchService service = openWatchService();
			if (service != null) {
				try (service) {
					NativeWatch watch = new NativeWatch(service, roots);
					catchUp();
					watch.run();
				}
			}
			else {
				PollingWatch watch = new PollingWatch(roots);
				catchUp();
				watch.run();
			}
		}
		catch (InterruptedException ex) {
			// Stopped
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Watching the class directories failed; continue the parked calls by hand", ex);
		}
		finally {
			synchronized (this.monitor) {
				this.thread = null;
				this.watchService = null;
				this.caughtUp = false;
			}
		}
	}

	private @Nullable WatchService openWatchService() {
		try {
			WatchService service = FileSystems.getDefault().newWatchService();
			if (service.getClass().getName().endsWith("PollingWatchService")) {
				// The JDK would poll every few seconds: poll faster ourselves
				service.close();
				return null;
			}
			synchronized (this.monitor) {
				if (this.stopped) {
					service.close();
					return null;
				}
				this.watchService = service;
			}
			return service;
		}
		catch (IOException | UnsupportedOperationException ex) {
			logger.debug("No native change notification for the class directories; polling them", ex);
			return null;
		}
	}

	/**
	 * Return whether to go on watching, waiting up to {@code wait} first unless told to
	 * stop.
	 */
	private boolean pause(Duration wait) throws InterruptedException {
		synchronized (this.monitor) {
			if (shouldWatch()) {
				TimeUnit.NANOSECONDS.timedWait(this.monitor, wait.toNanos());
			}
			return shouldWatch();
		}
	}

	/**
	 * Apply what was compiled before watching began, once every later change is noticed.
	 */
	private void catchUp() {
		buildLanded();
		synchronized (this.monitor) {
			this.caughtUp = true;
		}
	}

	private void buildLanded() {
		try {
			this.applier.classesSaved();
		}
		catch (RuntimeException ex) {
			logger.warn("Applying recompiled classes failed; continue the parked calls by hand", ex);
		}
	}

	@Override
	public void destroy() {
		WatchService service;
		synchronized (this.monitor) {
			this.stopped = true;
			service = this.watchService;
			this.monitor.notifyAll();
		}
		if (service != null) {
			try {
				service.close();
			}
			catch (IOException ex) {
				// Closing only wakes the watcher thread, which ends anyway
			}
		}
	}

	/**
	 * Watching with the operating system's change notification.
	 */
	private final class NativeWatch {

		private final WatchService service;

		private final List<Path> roots;

		private final Map<WatchKey, Path> keys = new HashMap<>();

		NativeWatch(WatchService service, List<Path> roots) {
			this.service = service;
			this.roots = roots;
			roots.forEach(this::registerTree);
		}

		void run() {
			long changedAt = 0;
			try {
				while (shouldWatchNow()) {
					long wait = (changedAt != 0)
							? ClassDirectoryWatcher.this.quietPeriod.toNanos() - (System.nanoTime() - changedAt)
							: IDLE_CHECK.toNanos();
					WatchKey key = (wait > 0) ? this.service.poll(wait, TimeUnit.NANOSECONDS) : null;
					if (key != null) {
						if (handle(key)) {
							changedAt = System.nanoTime();
						}
					}
					else if (changedAt != 0 && System.nanoTime() - changedAt >= quietNanos()) {
						changedAt = 0;
						buildLanded();
					}
					if (registerReappearedRoots()) {
						changedAt = System.nanoTime();
					}
				}
			}
			catch (InterruptedException | ClosedWatchServiceException ex) {
				// Stopped
			}
		}

		private boolean shouldWatchNow() {
			synchronized (ClassDirectoryWatcher.this.monitor) {
				return shouldWatch();
			}
		}

		private long quietNanos() {
			return ClassDirectoryWatcher.this.quietPeriod.toNanos();
		}

		/**
		 * Take the events of a key, watch new directories, and tell whether anything of
		 * interest changed.
		 */
		private boolean handle(WatchKey key) {
			Path directory = this.keys.get(key);
			boolean changed = false;
			for (WatchEvent<?> event : key.pollEvents()) {
				if (event.kind() == StandardWatchEventKinds.OVERFLOW || directory == null) {
					changed = true;
					continue;
				}
				Path path = directory.resolve((Path) event.context());
				if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
					registerTree(path);
					changed = true;
				}
				else if (isWatchedFile(path) || event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
					changed = true;
				}
			}
			if (!key.reset()) {
				this.keys.remove(key);
			}
			return changed;
		}

		/**
		 * Watch class directories that were deleted and created again (a clean build),
		 * and tell whether there were any.
		 */
		private boolean registerReappearedRoots() {
			boolean reappeared = false;
			for (Path root : this.roots) {
				if (!this.keys.containsValue(root) && Files.isDirectory(root)) {
					registerTree(root);
					reappeared = true;
				}
			}
			return reappeared;
		}

		private void registerTree(Path root) {
			try {
				Files.walkFileTree(root, new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
							throws IOException {
						WatchKey key = directory.register(NativeWatch.this.service,
								StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
								StandardWatchEventKinds.ENTRY_DELETE);
						NativeWatch.this.keys.put(key, directory);
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException ex) {
						// Deleted while walking, as a build cleans up: the next event
						// tells
						return FileVisitResult.CONTINUE;
					}

				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not watch " + root, ex);
			}
		}

	}

	/**
	 * Watching by comparing time stamps and sizes, where the operating system does not
	 * notify changes.
	 */
	private final class PollingWatch {

		private final List<Path> roots;

		private Map<Path, FileStamp> last;

		PollingWatch(List<Path> roots) {
			this.roots = roots;
			this.last = snapshot();
		}

		void run() throws InterruptedException {
			long changedAt = 0;
			while (pause(ClassDirectoryWatcher.this.pollInterval)) {
				Map<Path, FileStamp> current = snapshot();
				if (!current.equals(this.last)) {
					this.last = current;
					changedAt = System.nanoTime();
				}
				else if (changedAt != 0
						&& System.nanoTime() - changedAt >= ClassDirectoryWatcher.this.quietPeriod.toNanos()) {
					changedAt = 0;
					buildLanded();
				}
			}
		}

		private Map<Path, FileStamp> snapshot() {
			Map<Path, FileStamp> stamps = new HashMap<>();
			for (Path root : this.roots) {
				if (!Files.isDirectory(root)) {
					continue;
				}
				try (Stream<Path> files = Files.walk(root)) {
					files.filter(ClassDirectoryWatcher::isWatchedFile).forEach((file) -> stamps.put(file, stamp(file)));
				}
				catch (IOException | UncheckedIOException ex) {
					// A directory that cannot be read now is looked at again on the next
					// poll
				}
			}
			return stamps;
		}

		private static FileStamp stamp(Path file) {
			try {
				return new FileStamp(Files.getLastModifiedTime(file).toMillis(), Files.size(file));
			}
			catch (IOException ex) {
				// Deleted while looking: gone, as the next look will tell
				return new FileStamp(-1, -1);
			}
		}

	}

	private static boolean isWatchedFile(Path file) {
		Path name = file.getFileName();
		return name != null
				&& (name.toString().endsWith(ClassFileWalker.CLASS_SUFFIX) || SourceLanguage.of(file) != null);
	}

	private record FileStamp(long lastModified, long size) {

	}

}

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkListener;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.park.Resolution;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.CompiledClasses;
import dev.hotrestart.reload.InstrumentationProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ClassDirectoryWatcher}: a real parking lot with a call parked on a
 * thread of its own, real class files written the way builds write them, and a real
 * {@link ChangeApplier} behind the watcher.
 */
@Timeout(60)
class ClassDirectoryWatcherTests {

	private static final long LONG_AGO = 1_000_000_000_000L;

	private static final Duration QUIET_PERIOD = Duration.ofMillis(200);

	@TempDir
	Path root;

	private CompiledClasses compiled;

	private Path classes;

	private final List<ParkListener> listeners = new CopyOnWriteArrayList<>();

	private final ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(30), this.listeners::stream);

	private ResumeOnSave resumeOnSave;

	private CountingApplier applier;

	private ClassDirectoryWatcher watcher;

	@BeforeEach
	void createWatcher() throws IOException {
		this.compiled = new CompiledClasses(this.root);
		this.classes = this.compiled.directory();
		write("Service", "v1", LONG_AGO);
		ClassFileBaseline baseline = new ClassFileBaseline(List.of(this.classes), Long.MAX_VALUE);
		baseline.record();
		ParkedCallActions actions = new ParkedCallActions(this.parkingLot,
				new ClassReloader(baseline, new InstrumentationProvider()), Duration.ofSeconds(10), true);
		this.resumeOnSave = new ResumeOnSave(actions, false);
		this.applier = new CountingApplier(actions, this.resumeOnSave);
		this.watcher = new ClassDirectoryWatcher(List.of(this.classes), this.parkingLot, this.applier, QUIET_PERIOD,
				Duration.ofMillis(20));
		this.listeners.add(this.watcher);
	}

	@AfterEach
	void stopWatcher() {
		this.watcher.destroy();
		this.parkingLot.releaseAll(Duration.ofSeconds(5));
	}

	@Test
	void watchesOnlyWhileCallsAreParkedUntilStopped() {
		assertThat(this.watcher.isWatching()).as("nothing parked").isFalse();
		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();
		await().until(this.watcher::isWatching);

		this.watcher.destroy();
		await().until(() -> !this.watcher.isWatching());
		parkOnAThreadOfItsOwn();
		await().until(() -> this.parkingLot.getCalls().size() == 2);
		await().during(QUIET_PERIOD.multipliedBy(2)).until(() -> !this.watcher.isWatching());
		assertThat(call).isNotDone();
	}

	@Test
	void aBuildThatWritesFilesInBurstsIsAppliedOnceItHasBeenQuiet() throws Exception {
		CompiledClasses staging = new CompiledClasses(this.root.resolve("staging"));
		for (int i = 0; i < 5; i++) {
			staging.compile("com.example.Service" + i, "package com.example; public class Service" + i + " { }");
		}
		parkOnAThreadOfItsOwn();
		await().until(this.watcher::isWatching);
		int before = this.applier.builds.get();

		for (int i = 0; i < 5; i++) {
			String className = "com.example.Service" + i;
			Files.copy(staging.classFile(className), this.compiled.classFile(className));
			Thread.sleep(QUIET_PERIOD.toMillis() / 4);
		}

		await().until(() -> this.applier.builds.get() == before + 1);
		await().during(QUIET_PERIOD.multipliedBy(3)).until(() -> this.applier.builds.get() == before + 1);
		assertThat(this.applier.getLatestChange())
			.satisfies((change) -> assertThat(change.classes()).containsExactlyInAnyOrder("com.example.Service0",
					"com.example.Service1", "com.example.Service2", "com.example.Service3", "com.example.Service4"));
	}

	@Test
	void aBuildThatDeletesAndRewritesTheWholeClassDirectoryIsStillNoticed() throws Exception {
		parkOnAThreadOfItsOwn();
		await().until(this.watcher::isWatching);
		Thread.sleep(QUIET_PERIOD.toMillis());
		deleteTree(this.classes);
		await().until(() -> this.applier.builds.get() >= 1);
		assertThat(this.applier.getLatestChange()).as("deleted class files change nothing").isNull();

		write("Service", "v2", LONG_AGO + 60_000);

		await().until(this.applier::getLatestChange, (change) -> change != null);
		assertThat(this.applier.getLatestChange()).satisfies((change) -> {
			assertThat(change.state()).isEqualTo(LatestChange.State.APPLIED);
			assertThat(change.classes()).containsExactly("com.example.Service");
		});
	}

	@Test
	void changedClassFileWithResumeOnSaveOnResumesTheParkedCallAndTheWatcherEndsWithIt() throws IOException {
		this.resumeOnSave.setEnabled(true);
		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();
		await().until(this.watcher::isWatching);

		write("Service", "v2", LONG_AGO + 60_000);

		assertThat(call).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(Resolution.RETRY);
		await().until(() -> !this.watcher.isWatching());
		assertThat(this.parkingLot.getCalls()).isEmpty();
	}

	@Test
	void changedClassFileWithResumeOnSaveOffIsAppliedAndTheCallStaysParked() throws IOException {
		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();
		await().until(this.watcher::isWatching);

		write("Service", "v2", LONG_AGO + 60_000);

		await().until(() -> this.applier.getLatestChange() != null);
		assertThat(this.applier.getLatestChange().state()).isEqualTo(LatestChange.State.APPLIED);
		await().during(QUIET_PERIOD.multipliedBy(2)).until(() -> !call.isDone());
		assertThat(this.watcher.isWatching()).isTrue();
	}

	@Test
	void aBuildThatLandedBeforeWatchingBeganIsAppliedWhenItBegins() throws IOException {
		write("Service", "v2", LONG_AGO + 60_000);

		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();

		await().until(this.watcher::isWatching);
		assertThat(this.applier.getLatestChange()).satisfies((change) -> {
			assertThat(change.state()).isEqualTo(LatestChange.State.APPLIED);
			assertThat(change.classes()).containsExactly("com.example.Service");
		});
		assertThat(call).isNotDone();
	}

	private CompletableFuture<Resolution> parkOnAThreadOfItsOwn() {
		CompletableFuture<Resolution> resolution = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			ParkedCall call = this.parkingLot.park(
					new CallSite("com.example.Service", "Service.run()", List.of(), "worker", null),
					new IllegalStateException("boom"));
			Resolution outcome = call.awaitResolution();
			if (outcome.retries()) {
				call.retrySucceeded();
			}
			resolution.complete(outcome);
		}, "parked-worker");
		thread.setDaemon(true);
		thread.start();
		return resolution;
	}

	private void write(String simpleName, String version, long lastModified) throws IOException {
		String className = "com.example." + simpleName;
		Files.createDirectories(this.classes);
		this.compiled.compile(className, "package com.example; public class " + simpleName
				+ " { String version() { return \"" + version + "\"; } }");
		Files.setLastModifiedTime(this.compiled.classFile(className), FileTime.fromMillis(lastModified));
	}

	private static void deleteTree(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * The real applier, counting the builds the watcher hands it.
	 */
	private static final class CountingApplier extends ChangeApplier {

		private final AtomicInteger builds = new AtomicInteger();

		CountingApplier(ParkedCallActions actions, ResumeOnSave resumeOnSave) {
			super(actions, resumeOnSave);
		}

		@Override
		public @Nullable LatestChange classesSaved() {
			this.builds.incrementAndGet();
			return super.classesSaved();
		}

	}

}

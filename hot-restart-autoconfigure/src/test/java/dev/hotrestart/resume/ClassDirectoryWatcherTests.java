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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Tests for {@link ClassDirectoryWatcher} with {@link ResumeOnSave}: a real parking lot
 * with a call parked on a thread of its own, and real class files.
 */
class ClassDirectoryWatcherTests {

	private static final long LONG_AGO = 1_000_000_000_000L;

	@TempDir
	Path root;

	private CompiledClasses compiled;

	private Path classes;

	private final List<ParkListener> listeners = new CopyOnWriteArrayList<>();

	private final ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(30), this.listeners::stream);

	private ResumeOnSave resumeOnSave;

	private ClassDirectoryWatcher watcher;

	@BeforeEach
	void createWatcher() throws IOException {
		this.compiled = new CompiledClasses(this.root);
		this.classes = this.compiled.directory();
		write("v1", LONG_AGO);
		ClassFileBaseline baseline = new ClassFileBaseline(List.of(this.classes), Long.MAX_VALUE);
		baseline.record();
		ClassReloader reloader = new ClassReloader(baseline, new InstrumentationProvider());
		this.resumeOnSave = new ResumeOnSave(this.parkingLot,
				new ParkedCallActions(this.parkingLot, reloader, Duration.ofSeconds(10), true), false);
		this.watcher = new ClassDirectoryWatcher(List.of(this.classes), this.parkingLot, this.resumeOnSave,
				Duration.ofMillis(20), Duration.ofMillis(50));
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
		assertThat(this.watcher.isWatching()).as("stopped for good").isFalse();
		assertThat(call).isNotDone();
	}

	@Test
	void changedClassFileWithResumeOnSaveOffLeavesTheCallParked() throws IOException {
		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();
		await().until(this.watcher::isWatching);

		write("v2", LONG_AGO + 60_000);

		await().during(Duration.ofMillis(500)).until(() -> !call.isDone());
		assertThat(this.watcher.isWatching()).isTrue();
	}

	@Test
	void changedClassFileResumesTheParkedCallAndTheWatcherEndsWithIt() throws IOException {
		this.resumeOnSave.setEnabled(true);
		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();
		await().until(this.watcher::isWatching);

		write("v2", LONG_AGO + 60_000);

		assertThat(call).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(Resolution.RETRY);
		await().until(() -> !this.watcher.isWatching());
		assertThat(this.parkingLot.getCalls()).isEmpty();
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

	private void write(String version, long lastModified) throws IOException {
		this.compiled.compile("com.example.Service",
				"package com.example; public class Service { String version() { return \"" + version + "\"; } }");
		Files.setLastModifiedTime(this.compiled.classFile("com.example.Service"), FileTime.fromMillis(lastModified));
	}

}

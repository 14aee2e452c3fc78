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

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.compile.ChangedSourceCompiler;
import dev.hotrestart.compile.SourceProject;
import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkListener;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.park.Resolution;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.InstrumentationProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ClassDirectoryWatcher} watching source directories: a real project, a
 * source saved as a plain editor saves it while a call is parked, compiled and applied
 * with no continue and no build.
 *
 * @author hot-restart authors
 */
@Timeout(120)
class SourceDirectoryWatchTests {

	private static final String SERVICE = "demo.PriceService";

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@TempDir
	Path root;

	private final List<ParkListener> listeners = new CopyOnWriteArrayList<>();

	private final ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(30), this.listeners::stream);

	private SourceProject project;

	private ChangedSourceCompiler compiler;

	private URLClassLoader loader;

	private ResumeOnSave resumeOnSave;

	private ChangeApplier applier;

	private ClassDirectoryWatcher watcher;

	private Supplier<String> service;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void startWatching() throws Exception {
		this.project = new SourceProject(this.root);
		this.project.build(SERVICE, service("v1"), "--release", "17", "-g");
		this.loader = this.project.newClassLoader();
		this.compiler = this.project.newCompiler();
		ParkedCallActions actions = new ParkedCallActions(this.parkingLot, this.compiler,
				new ClassReloader(this.project.recordClassFiles(), new InstrumentationProvider(), this.loader),
				Duration.ofSeconds(10), true);
		this.resumeOnSave = new ResumeOnSave(actions, false);
		this.applier = new ChangeApplier(actions, this.resumeOnSave);
		this.watcher = new ClassDirectoryWatcher(List.of(this.project.classes()), this.compiler::getSourceDirectories,
				this.parkingLot, this.applier, Duration.ofMillis(100), Duration.ofMillis(20));
		this.listeners.add(this.watcher);
		this.service = (Supplier<String>) this.loader.loadClass(SERVICE).getConstructor().newInstance();
	}

	@AfterEach
	void stopWatching() throws Exception {
		this.watcher.destroy();
		this.parkingLot.releaseAll(Duration.ofSeconds(5));
		this.compiler.destroy();
		this.loader.close();
	}

	@Test
	void aSavedSourceIsCompiledAndAppliedAtSaveAndTheCallStaysParked() {
		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();
		await().atMost(PATIENCE).until(this.watcher::isWatching);

		this.project.save(SERVICE, service("v2"));

		await().atMost(PATIENCE).until(this.applier::getLatestChange, (change) -> change != null);
		assertThat(this.applier.getLatestChange()).satisfies((change) -> {
			assertThat(change.state()).isEqualTo(LatestChange.State.APPLIED);
			assertThat(change.classes()).containsExactly(SERVICE);
			assertThat(change.compiled()).containsExactly(this.project.sourceFile(SERVICE).toString());
		});
		assertThat(this.service.get()).isEqualTo("v2");
		assertThat(call).isNotDone();
	}

	@Test
	void withResumeOnSaveOnSavingAFixResumesTheCallAndSavingABrokenSourceTellsWhy() {
		this.resumeOnSave.setEnabled(true);
		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();
		await().atMost(PATIENCE).until(this.watcher::isWatching);

		this.project.save(SERVICE, service("v2\""));
		await().atMost(PATIENCE)
			.until(this.applier::getLatestChange,
					(change) -> change != null && change.state() == LatestChange.State.COMPILE_FAILED);
		assertThat(this.applier.getLatestChange().compileErrors()).isNotEmpty();
		assertThat(call).isNotDone();

		this.project.save(SERVICE, service("v2"));

		assertThat(call).succeedsWithin(PATIENCE).isEqualTo(Resolution.RETRY);
		assertThat(this.service.get()).isEqualTo("v2");
	}

	private CompletableFuture<Resolution> parkOnAThreadOfItsOwn() {
		CompletableFuture<Resolution> resolution = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			ParkedCall call = this.parkingLot.park(
					new CallSite(SERVICE, "PriceService.get()", List.of(), "worker", null),
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

	private static String service(String version) {
		return "package demo;\n\nimport java.util.function.Supplier;\n\npublic class PriceService implements "
				+ "Supplier<String> {\n\tpublic String get() { return \"" + version + "\"; }\n}\n";
	}

}

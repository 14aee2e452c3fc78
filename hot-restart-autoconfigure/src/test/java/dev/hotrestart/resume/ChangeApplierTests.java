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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.park.Resolution;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.CompiledClasses;
import dev.hotrestart.reload.InstrumentationProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChangeApplier}: classes compiled at test time, loaded by a real class
 * loader and redefined through a real instrumentation the moment a build lands.
 */
@Timeout(60)
class ChangeApplierTests {

	private static final String SERVICE = "demo.PriceService";

	@TempDir
	Path root;

	private CompiledClasses classes;

	private URLClassLoader loader;

	private final ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(1));

	private ParkedCallActions actions;

	private ResumeOnSave resumeOnSave;

	private ChangeApplier applier;

	private Supplier<String> service;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void loadTheService() throws Exception {
		this.classes = new CompiledClasses(this.root);
		this.classes.compile(SERVICE, source("return \"v1\";"));
		ClassFileBaseline baseline = this.classes.recordBaseline();
		this.loader = this.classes.newClassLoader();
		this.service = (Supplier<String>) this.loader.loadClass(SERVICE).getConstructor().newInstance();
		this.actions = new ParkedCallActions(this.parkingLot,
				new ClassReloader(baseline, new InstrumentationProvider(), this.loader), Duration.ofSeconds(10), true);
		this.resumeOnSave = new ResumeOnSave(this.actions, false);
		this.applier = new ChangeApplier(this.actions, this.resumeOnSave);
	}

	@AfterEach
	void release() throws Exception {
		this.parkingLot.releaseAll(Duration.ofSeconds(5));
		this.loader.close();
	}

	@Test
	void aChangeTheJvmCanApplyIsAppliedAtOnceAndLeavesNothingForContinue() {
		assertThat(this.service.get()).isEqualTo("v1");
		this.classes.compile(SERVICE, source("return \"v2\";"));

		LatestChange change = this.applier.classesSaved();

		assertThat(change.state()).isEqualTo(LatestChange.State.APPLIED);
		assertThat(change.classes()).containsExactly(SERVICE);
		assertThat(this.applier.getLatestChange()).isSameAs(change);
		assertThat(this.service.get()).as("the running JVM runs the new code").isEqualTo("v2");
		assertThat(this.actions.reload().hasChanges()).as("nothing left to reload on continue").isFalse();
	}

	@Test
	void aChangeTheJvmCannotApplyIsRefusedAtOnceWithTheReasonsAndNothingChanges() {
		this.classes.compile(SERVICE, source("return price();", "private String price() { return \"v2\"; }"));

		LatestChange change = this.applier.classesSaved();

		assertThat(change.state()).isEqualTo(LatestChange.State.REFUSED);
		assertThat(change.classes()).containsExactly(SERVICE);
		assertThat(change.refusals()).singleElement()
			.satisfies((refusal) -> assertThat(refusal.cause()).contains("price()")
				.contains("this JVM cannot add methods"));
		assertThat(change.error()).contains("cannot be applied");
		assertThat(this.service.get()).isEqualTo("v1");
	}

	@Test
	void aHalfWrittenClassFileIsRejectedAndAppliedOnceTheBuildHasWrittenIt() throws Exception {
		this.classes.compile(SERVICE, source("return \"v2\";"));
		Path file = this.classes.classFile(SERVICE);
		byte[] complete = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(complete, 24));

		LatestChange rejected = this.applier.classesSaved();

		assertThat(rejected.state()).isEqualTo(LatestChange.State.REJECTED);
		assertThat(rejected.files()).singleElement().satisfies((rejectedFile) -> {
			assertThat(rejectedFile.file()).isEqualTo(file.toString());
			assertThat(rejectedFile.cause()).startsWith("is truncated or corrupt");
		});
		assertThat(this.service.get()).isEqualTo("v1");

		Files.write(file, complete);
		Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 2_000));
		LatestChange applied = this.applier.classesSaved();

		assertThat(applied.state()).isEqualTo(LatestChange.State.APPLIED);
		assertThat(this.service.get()).isEqualTo("v2");
	}

	@Test
	void aBuildThatRewritesTheSameContentChangesNothing() throws Exception {
		this.classes.compile(SERVICE, source("return \"v2\";"));
		LatestChange applied = this.applier.classesSaved();
		Path file = this.classes.classFile(SERVICE);
		Files.write(file, Files.readAllBytes(file));
		Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 4_000));

		assertThat(this.applier.classesSaved()).isNull();
		assertThat(this.applier.getLatestChange()).isSameAs(applied);
	}

	@Test
	void withResumeOnSaveOnAnAppliedChangeLetsTheWaitingCallsRunAgain() {
		this.resumeOnSave.setEnabled(true);
		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();
		this.classes.compile(SERVICE, source("return \"v2\";"));

		this.applier.classesSaved();

		assertThat(call).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(Resolution.RETRY);
	}

	@Test
	void withResumeOnSaveOnARefusedChangeLeavesTheCallsParked() {
		this.resumeOnSave.setEnabled(true);
		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();
		this.classes.compile(SERVICE, source("return price();", "private String price() { return \"v2\"; }"));

		assertThat(this.applier.classesSaved().state()).isEqualTo(LatestChange.State.REFUSED);

		assertThat(call).isNotDone();
		assertThat(this.parkingLot.getCalls()).singleElement()
			.satisfies((parked) -> assertThat(parked.isWaiting()).isTrue());
	}

	private CompletableFuture<Resolution> parkOnAThreadOfItsOwn() {
		CompletableFuture<ParkedCall> parked = new CompletableFuture<>();
		CompletableFuture<Resolution> resolution = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			ParkedCall call = this.parkingLot.park(
					new CallSite(SERVICE, "PriceService.get()", List.of(), "worker", null),
					new IllegalStateException("boom"));
			parked.complete(call);
			Resolution outcome = call.awaitResolution();
			if (outcome.retries()) {
				call.retrySucceeded();
			}
			resolution.complete(outcome);
		}, "parked-worker");
		thread.setDaemon(true);
		thread.start();
		parked.join();
		return resolution;
	}

	private static String source(String body, String... members) {
		return "package demo;\n\npublic class PriceService implements java.util.function.Supplier<String> {\n"
				+ "public String get() { " + body + " }\n" + String.join("\n", members) + "\n}\n";
	}

}

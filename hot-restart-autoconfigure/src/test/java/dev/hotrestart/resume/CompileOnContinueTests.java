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

import java.io.File;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.compile.ChangedSourceCompiler;
import dev.hotrestart.compile.CompileFailedException;
import dev.hotrestart.compile.SourceProject;
import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.park.Resolution;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.InstrumentationProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for compiling saved sources in the continue primitive: a real Maven-layout
 * project built before the test, sources saved as a plain editor saves them, compiled
 * in-process and redefined through a real instrumentation, with no build step.
 *
 * @author hot-restart authors
 */
@Timeout(120)
class CompileOnContinueTests {

	private static final String SERVICE = "demo.PriceService";

	private static final String[] BUILD_OPTIONS = { "--release", "17", "-parameters", "-g" };

	@TempDir
	Path root;

	private final ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(1));

	private SourceProject project;

	private ChangedSourceCompiler compiler;

	private URLClassLoader loader;

	private ParkedCallActions actions;

	@AfterEach
	void release() throws Exception {
		this.parkingLot.releaseAll(Duration.ofSeconds(5));
		if (this.compiler != null) {
			this.compiler.destroy();
		}
		if (this.loader != null) {
			this.loader.close();
		}
	}

	@Test
	void continueCompilesTheSavedSourceAndTheCallRunsTheNewCode() throws Exception {
		Supplier<String> service = start(SERVICE, service("return \"v1\";"));
		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();
		String id = this.parkingLot.getCalls().get(0).getId();

		this.project.save(SERVICE, service("return \"v2\";"));
		ContinueResult continued = this.actions.continueCall(id);

		assertThat(continued.reload().reloaded()).containsExactly(SERVICE);
		assertThat(call).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(Resolution.RETRY);
		assertThat(service.get()).as("the running JVM runs the saved code").isEqualTo("v2");
	}

	@Test
	void aSavedSourceThatDoesNotCompileKeepsTheCallParkedAndTheOldCodeRunning() throws Exception {
		Supplier<String> service = start(SERVICE, service("return \"v1\";"));
		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();
		ParkedCall parked = this.parkingLot.getCalls().get(0);

		this.project.save(SERVICE, service("return \"v2\""));

		assertThatExceptionOfType(CompileFailedException.class)
			.isThrownBy(() -> this.actions.continueCall(parked.getId()))
			.satisfies((ex) -> assertThat(ex.getErrors()).singleElement()
				.satisfies((error) -> assertThat(error.line()).isEqualTo(6)));
		assertThat(parked.isWaiting()).isTrue();
		assertThat(call).isNotDone();
		assertThat(service.get()).isEqualTo("v1");
	}

	@Test
	void aLombokAnnotatedClassIsCompiledWithLombokAndReloaded() throws Exception {
		String lombok = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> entry.contains("lombok"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Lombok is not on the test class path"));
		this.project = new SourceProject(this.root);
		this.project.build("demo.Greeter", greeter("Hello"), "--release", "17", "-parameters", "-g", "--processor-path",
				lombok);
		this.loader = this.project.newClassLoader();
		this.compiler = this.project.newCompiler();
		this.actions = new ParkedCallActions(this.parkingLot, this.compiler,
				new ClassReloader(this.project.recordClassFiles(), new InstrumentationProvider(), this.loader),
				Duration.ofSeconds(10), true);
		@SuppressWarnings("unchecked")
		Supplier<String> greeter = (Supplier<String>) this.loader.loadClass("demo.Greeter")
			.getConstructor(String.class)
			.newInstance("Ada");
		assertThat(greeter.get()).isEqualTo("Hello, Ada");

		this.project.save("demo.Greeter", greeter("Hi"));

		assertThat(this.actions.reload().reloaded()).as("Lombok's members are generated as the build generated them")
			.containsExactly("demo.Greeter");
		assertThat(greeter.get()).isEqualTo("Hi, Ada");
	}

	@Test
	void atSaveACompileErrorIsToldAndAFixIsAppliedAndResumesWithResumeOnSave() throws Exception {
		Supplier<String> service = start(SERVICE, service("return \"v1\";"));
		ResumeOnSave resumeOnSave = new ResumeOnSave(this.actions, true);
		ChangeApplier applier = new ChangeApplier(this.actions, resumeOnSave);
		CompletableFuture<Resolution> call = parkOnAThreadOfItsOwn();

		Path source = this.project.save(SERVICE, service("return v2;"));
		LatestChange failed = applier.classesSaved();

		assertThat(failed.state()).isEqualTo(LatestChange.State.COMPILE_FAILED);
		assertThat(failed.classes()).containsExactly(SERVICE);
		assertThat(failed.compileErrors()).singleElement().satisfies((error) -> {
			assertThat(error.file()).isEqualTo(source.toString());
			assertThat(error.message()).startsWith("cannot find symbol");
		});
		assertThat(failed.error())
			.startsWith("The saved source does not compile: PriceService.java:6: cannot find " + "symbol.");
		assertThat(call).isNotDone();

		this.project.save(SERVICE, service("return \"v2\";"));
		LatestChange applied = applier.classesSaved();

		assertThat(applied.state()).isEqualTo(LatestChange.State.APPLIED);
		assertThat(applied.compiled()).containsExactly(source.toString());
		assertThat(applied.classes()).containsExactly(SERVICE);
		assertThat(call).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(Resolution.RETRY);
		assertThat(service.get()).isEqualTo("v2");
	}

	@Test
	void afterACompileErrorSourcesThatCompileToTheRunningClassesClearTheError() throws Exception {
		start(SERVICE, service("return \"v1\";"));
		ChangeApplier applier = new ChangeApplier(this.actions, new ResumeOnSave(this.actions, false));
		this.project.save(SERVICE, service("return \"v1\""));
		assertThat(applier.classesSaved().state()).isEqualTo(LatestChange.State.COMPILE_FAILED);

		Path source = this.project.save(SERVICE, service("return \"v1\"; /* checked */"));
		LatestChange compiled = applier.classesSaved();

		assertThat(compiled.state()).isEqualTo(LatestChange.State.APPLIED);
		assertThat(compiled.compiled()).containsExactly(source.toString());
		assertThat(compiled.classes()).as("compiled to the very class that runs").isEmpty();

		this.project.save(SERVICE, service("return \"v1\" /* checked */"));
		assertThat(applier.classesSaved().state()).isEqualTo(LatestChange.State.COMPILE_FAILED);
		this.project.save(SERVICE, service("return \"v1\"; /* checked */"));
		LatestChange savedBack = applier.classesSaved();

		assertThat(savedBack.state()).as("saved back as compiled").isEqualTo(LatestChange.State.APPLIED);
		assertThat(savedBack.compiled()).isEmpty();
		assertThat(savedBack.classes()).isEmpty();
		assertThat(applier.classesSaved()).as("nothing more to tell").isNull();
	}

	@SuppressWarnings("unchecked")
	private Supplier<String> start(String className, String source) throws Exception {
		this.project = new SourceProject(this.root);
		this.project.build(className, source, BUILD_OPTIONS);
		this.loader = this.project.newClassLoader();
		this.compiler = this.project.newCompiler();
		ClassReloader reloader = new ClassReloader(this.project.recordClassFiles(), new InstrumentationProvider(),
				this.loader);
		this.actions = new ParkedCallActions(this.parkingLot, this.compiler, reloader, Duration.ofSeconds(10), true);
		return (Supplier<String>) this.loader.loadClass(className).getConstructor().newInstance();
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

	private static String service(String body) {
		return "package demo;\n\nimport java.util.function.Supplier;\n\npublic class PriceService implements "
				+ "Supplier<String> {\n\tpublic String get() { " + body + " }\n}\n";
	}

	private static String greeter(String greeting) {
		return """
				package demo;

				import java.util.function.Supplier;

				import lombok.Getter;
				import lombok.RequiredArgsConstructor;
				import lombok.extern.slf4j.Slf4j;

				@Slf4j
				@Getter
				@RequiredArgsConstructor
				public class Greeter implements Supplier<String> {

					private final String name;

					@Override
					public String get() {
						log.info("Greeting {}", this.name);
						return "%s, " + getName();
					}

				}
				""".formatted(greeting);
	}

}

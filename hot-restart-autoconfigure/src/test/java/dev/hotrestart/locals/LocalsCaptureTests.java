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

package dev.hotrestart.locals;

import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.StaticApplicationContext;

import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.CompiledClasses;
import dev.hotrestart.reload.InstrumentationUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LocalsCapture}: a first park, in a JVM that records nothing yet,
 * starts recording for the next attempt, through this JVM's real instrumentation.
 * Recording is JVM-wide, so each test starts from, and leaves, a JVM that has not started
 * it.
 *
 * @author hot-restart authors
 */
@Timeout(60)
class LocalsCaptureTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@TempDir
	Path root;

	@BeforeEach
	@AfterEach
	void startFromAJvmThatRecordsNothing() {
		LocalsInstallation.switchOff();
		LocalsInstallation.switchOn();
	}

	@Test
	void firstParkStartsRecordingForTheNextAttemptAndLeavesTheParkedThreadsFramesAlone() throws Exception {
		CompiledClasses classes = new CompiledClasses(this.root);
		classes.compileWith("demo.Worker", """
				package demo;

				public class Worker {

					public int work(String text) {
						int length = text.length();
						return Integer.parseInt(text) + length;
					}

					public Class<?> local() {
						class Local {
						}
						return Local.class;
					}

				}
				""", "-g", "-parameters");
		classes.compileWith("demo.Runner", """
				package demo;

				public class Runner {

					public void run(Runnable task) {
						String label = "runner";
						task.run();
					}

				}
				""", "-g", "-parameters");
		try (URLClassLoader loader = classes.newClassLoader()) {
			Object worker = Class.forName("demo.Worker", true, loader).getDeclaredConstructor().newInstance();
			Object runner = Class.forName("demo.Runner", true, loader).getDeclaredConstructor().newInstance();
			Throwable first = failure(worker, "work", "x");
			// Not asking for its stack trace: that would resolve it
			assertThat(CapturedFrames.INSTANCE.of(first)).isEmpty();
			LocalsCapture capture = new LocalsCapture(InstrumentedClasses::instrumentation,
					List.of(classes.directory()), (file) -> true);
			ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(1), () -> Stream.of(capture));

			// The advice parks inside the frames of its callers, as the runner's here
			ParkedCall[] parked = new ParkedCall[1];
			Runnable park = () -> parked[0] = parkingLot.park(new CallSite("demo.Worker", "Worker.work(String)",
					List.of("x"), Thread.currentThread().getName(), null), first);
			runner.getClass().getMethod("run", Runnable.class).invoke(runner, park);
			await().atMost(PATIENCE).until(LocalsInstallation::isActive);

			assertThat(LocalsInstallation.captureOf(false, parked[0].getFailure().parkedAt()))
				.isEqualTo(LocalsInstallation.NEXT_ATTEMPT);
			assertThat(first.getStackTrace()).as("resolved before the class was retransformed")
				.filteredOn((frame) -> frame.getClassName().equals("demo.Worker"))
				.singleElement()
				.satisfies((frame) -> assertThat(frame.getFileName()).isEqualTo("Worker.java"))
				.satisfies((frame) -> assertThat(frame.getLineNumber()).isEqualTo(7));
			assertThat(worker.getClass().getMethod("work", String.class).getParameters()[0].getName())
				.as("nothing of the class file is lost")
				.isEqualTo("text");
			Class<?> local = (Class<?>) worker.getClass().getMethod("local").invoke(worker);
			assertThat(local.getEnclosingMethod()).isNotNull();
			Throwable second = failure(worker, "work", "y");
			assertThat(InstrumentedClasses.localsOf(second, "demo.Worker", "work")).containsExactly(entry("text", "y"),
					entry("length", "1"));
			Runnable fail = () -> {
				throw new IllegalStateException("from the task");
			};
			Throwable throughRunner = failure(runner, "run", fail);
			assertThat(InstrumentedClasses.localsOf(throughRunner, "demo.Runner", "run"))
				.as("the runner was running on the parked thread: left as it was")
				.isNull();
			assertThat(throughRunner.getStackTrace()).anySatisfy((frame) -> {
				assertThat(frame.getClassName()).isEqualTo("demo.Runner");
				assertThat(frame.getFileName()).isEqualTo("Runner.java");
			});
		}
	}

	@Test
	void classesLoadedWhileAnApplicationRestartsAreInstrumentedOnceItIsReady() throws Exception {
		CompiledClasses classes = new CompiledClasses(this.root);
		classes.compileWith("demo.Restarted", """
				package demo;

				public class Restarted {

					public int parse(String text) {
						String trimmed = text.trim();
						return Integer.parseInt(trimmed);
					}

				}
				""", "-g", "-parameters");
		LocalsCapture capture = new LocalsCapture(InstrumentedClasses::instrumentation, List.of(classes.directory()),
				(file) -> true);
		LocalsInstallation.activate(InstrumentedClasses.instrumentation(),
				new ApplicationClasses(List.of(classes.directory())), (file) -> true);

		LocalsInstallation.deferLoads();
		try (URLClassLoader loader = classes.newClassLoader()) {
			Object restarted = Class.forName("demo.Restarted", true, loader).getDeclaredConstructor().newInstance();
			Throwable whileStarting = failure(restarted, "parse", "x");
			assertThat(InstrumentedClasses.localsOf(whileStarting, "demo.Restarted", "parse"))
				.as("not instrumented on the start-up path")
				.isNull();

			capture.onApplicationEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
					new StaticApplicationContext(), Duration.ZERO));
			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(
						InstrumentedClasses.localsOf(failure(restarted, "parse", "y"), "demo.Restarted", "parse"))
					.containsExactly(entry("text", "y"), entry("trimmed", "y")));
		}
	}

	@Test
	void parkWithoutInstrumentationSaysRecordingIsUnavailable() {
		LocalsCapture capture = new LocalsCapture(() -> {
			throw new InstrumentationUnavailableException("no -javaagent was given and attaching failed", null);
		}, List.of(this.root), (file) -> true);
		ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(1), () -> Stream.of(capture));

		ParkedCall call = parkingLot.park(new CallSite("demo.Worker", "Worker.work(String)", List.of("x"),
				Thread.currentThread().getName(), null), new IllegalStateException("boom"));

		await().atMost(PATIENCE)
			.until(() -> LocalsInstallation.captureOf(false, call.getFailure().parkedAt()),
					LocalsInstallation.UNAVAILABLE::equals);
		assertThat(LocalsInstallation.isActive()).isFalse();
	}

	@Test
	void anActivationBegunBeforeRecordingWasSwitchedOffInstallsNothing() throws Exception {
		CompiledClasses classes = new CompiledClasses(this.root);
		classes.compileWith("demo.Stale", "package demo; public class Stale { }", "-g");
		LocalsCapture capture = new LocalsCapture(InstrumentedClasses::instrumentation, List.of(classes.directory()),
				(file) -> true);
		int begunIn = LocalsInstallation.generation();
		LocalsInstallation.switchOff();
		LocalsInstallation.switchOn();

		capture.activate(Set.of(), "a call parked", begunIn);

		assertThat(LocalsInstallation.isActive()).as("a late activation of an earlier application").isFalse();
		capture.activate(Set.of(), "a call parked", LocalsInstallation.generation());
		assertThat(LocalsInstallation.isActive()).isTrue();
	}

	private static Throwable failure(Object target, String method, Object argument) throws Exception {
		try {
			target.getClass()
				.getMethod(method, argument.getClass().isInstance("") ? String.class : Runnable.class)
				.invoke(target, argument);
		}
		catch (InvocationTargetException ex) {
			return ex.getCause();
		}
		throw new AssertionError(method + " did not throw");
	}

}

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

package dev.hotrestart.actuate;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.hotrestart.actuate.ContinueDescriptor.ReloadNoteDescriptor;
import dev.hotrestart.actuate.EndpointErrors.RefusedReloadDescriptor;
import dev.hotrestart.actuate.EndpointErrors.RejectedClassFilesDescriptor;
import dev.hotrestart.aop.HotRestartInterceptor;
import dev.hotrestart.park.ParkPolicy;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.CompiledClasses;
import dev.hotrestart.reload.InstrumentationProvider;
import dev.hotrestart.reload.InstrumentationUnavailableException;
import dev.hotrestart.resume.ChangeApplier;
import dev.hotrestart.resume.ParkedCallActions;
import dev.hotrestart.resume.ResumeOnSave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for continuing a parked call through {@link HotRestartEndpoint} when the reload
 * is refused or a class file is broken: a real Spring proxy around a bean of a class
 * compiled at test time, parked on a real thread, reloaded through a real
 * instrumentation.
 *
 * @author hot-restart authors
 */
@Timeout(120)
class HotRestartEndpointReloadTests {

	private static final String BROKEN = """
			public String get() {
				throw new IllegalStateException("no quote yet");
			}
			""";

	@TempDir
	Path root;

	private CompiledClasses classes;

	private ExecutorService callers;

	private final ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(1));

	@BeforeEach
	void createCallers() {
		this.classes = new CompiledClasses(this.root);
		this.callers = Executors.newCachedThreadPool();
	}

	@AfterEach
	void releaseCalls() {
		this.parkingLot.releaseAll(Duration.ofSeconds(5));
		this.callers.shutdownNow();
	}

	@Test
	void whenReloadIsRefusedOrFileIsBrokenThenCallStaysParkedAndResumesAfterGoodFix() throws Exception {
		this.classes.compile("demo.ParkedQuoteService", source("ParkedQuoteService", BROKEN));
		ClassFileBaseline baseline = this.classes.recordBaseline();
		try (URLClassLoader loader = this.classes.newClassLoader()) {
			HotRestartEndpoint endpoint = endpoint(baseline, loader, true);
			CompletableFuture<String> caller = call(loader, "ParkedQuoteService");
			String id = awaitParked();

			this.classes.compile("demo.ParkedQuoteService", source("ParkedQuoteService", """
					public String get() {
						Supplier<String> quote = () -> "fixed";
						return quote.get();
					}
					"""));
			WebEndpointResponse<Object> refused = endpoint.act(id, "continue");
			assertThat(refused.getStatus()).isEqualTo(409);
			assertThat(refused.getBody()).isInstanceOfSatisfying(RefusedReloadDescriptor.class, (body) -> {
				assertThat(body.id()).isEqualTo(id);
				assertThat(body.refusals())
					.containsExactly(new ReloadNoteDescriptor("demo.ParkedQuoteService", "ParkedQuoteService.get()",
							"a new lambda adds method lambda$get$0, and this JVM cannot " + "add methods"));
				assertThat(body.advice()).startsWith("Nothing was reloaded and the call stays parked.");
				assertThat(body.error()).doesNotContain(body.advice());
				assertThat(body.error()).contains("ParkedQuoteService.get(): a new lambda adds method lambda$get$0");
			});
			assertThat(this.parkingLot.get(id).isWaiting()).isTrue();

			this.classes.compile("demo.ParkedQuoteService", source("ParkedQuoteService", """
					public String get() {
						return "fixed";
					}
					"""));
			Path file = this.classes.classFile("demo.ParkedQuoteService");
			byte[] good = Files.readAllBytes(file);
			Files.write(file, Arrays.copyOf(good, 20));
			WebEndpointResponse<Object> rejected = endpoint.act(id, "continue");
			assertThat(rejected.getStatus()).isEqualTo(422);
			assertThat(rejected.getBody()).isInstanceOfSatisfying(RejectedClassFilesDescriptor.class,
					(body) -> assertThat(body.files()).singleElement().satisfies((rejectedFile) -> {
						assertThat(rejectedFile.file()).isEqualTo(file.toString());
						assertThat(rejectedFile.cause()).startsWith("is truncated or corrupt");
					}));
			assertThat(this.parkingLot.get(id).isWaiting()).isTrue();
			assertThat(caller).isNotDone();

			Files.write(file, good);
			WebEndpointResponse<Object> resumed = endpoint.act(id, "continue");
			assertThat(resumed.getStatus()).isEqualTo(200);
			assertThat(resumed.getBody()).isInstanceOfSatisfying(ContinueDescriptor.class, (body) -> {
				assertThat(body.outcome()).isEqualTo("resumed");
				assertThat(body.reloaded()).containsExactly("demo.ParkedQuoteService");
			});
			assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo("fixed");
		}
	}

	@Test
	void whenReloadOnContinueIsOffThenContinueCallsAgainWithoutReloading() throws Exception {
		this.classes.compile("demo.NoReloadQuoteService", source("NoReloadQuoteService", BROKEN));
		ClassFileBaseline baseline = this.classes.recordBaseline();
		try (URLClassLoader loader = this.classes.newClassLoader()) {
			HotRestartEndpoint endpoint = endpoint(baseline, loader, false);
			CompletableFuture<String> caller = call(loader, "NoReloadQuoteService");
			String id = awaitParked();
			this.classes.compile("demo.NoReloadQuoteService", source("NoReloadQuoteService", """
					public String get() {
						return "fixed";
					}
					"""));
			WebEndpointResponse<Object> continued = endpoint.act(id, "continue");
			assertThat(continued.getStatus()).isEqualTo(200);
			assertThat(continued.getBody()).isInstanceOfSatisfying(ContinueDescriptor.class, (body) -> {
				assertThat(body.outcome()).isEqualTo("parked-again");
				assertThat(body.reloaded()).isEmpty();
				assertThat(body.attempt()).isEqualTo(2);
			});
			assertThat(caller).isNotDone();
		}
	}

	@Test
	void whenABuildIsAppliedAtSaveThenTheListingSaysSoAndContinueOnlyCallsAgain() throws Exception {
		this.classes.compile("demo.AppliedQuoteService", source("AppliedQuoteService", BROKEN));
		ClassFileBaseline baseline = this.classes.recordBaseline();
		try (URLClassLoader loader = this.classes.newClassLoader()) {
			ParkedCallActions actions = actions(baseline, loader, true);
			ChangeApplier applier = new ChangeApplier(actions, new ResumeOnSave(actions, false));
			HotRestartEndpoint endpoint = endpoint(actions, baseline, applier);
			CompletableFuture<String> caller = call(loader, "AppliedQuoteService");
			String id = awaitParked();

			this.classes.compile("demo.AppliedQuoteService", source("AppliedQuoteService", """
					public String get() {
						return "fixed at save";
					}
					"""));
			applier.classesSaved();
			assertThat(endpoint.failures().latestChange()).satisfies((change) -> {
				assertThat(change.state()).isEqualTo("applied");
				assertThat(change.classes()).containsExactly("demo.AppliedQuoteService");
				assertThat(change.error()).isNull();
			});
			assertThat(endpoint.failures().changedClasses()).as("nothing left for continue to reload").isEmpty();
			assertThat(caller).as("resume on save is off").isNotDone();

			WebEndpointResponse<Object> resumed = endpoint.act(id, "continue");
			assertThat(resumed.getBody()).isInstanceOfSatisfying(ContinueDescriptor.class, (body) -> {
				assertThat(body.outcome()).isEqualTo("resumed");
				assertThat(body.reloaded()).as("applied at save already").isEmpty();
			});
			assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo("fixed at save");
		}
	}

	@Test
	void whenABuildIsRefusedAtSaveThenTheListingSaysWhyWithoutAnyRequest() throws Exception {
		this.classes.compile("demo.RefusedQuoteService", source("RefusedQuoteService", BROKEN));
		ClassFileBaseline baseline = this.classes.recordBaseline();
		try (URLClassLoader loader = this.classes.newClassLoader()) {
			ParkedCallActions actions = actions(baseline, loader, true);
			ChangeApplier applier = new ChangeApplier(actions, new ResumeOnSave(actions, false));
			HotRestartEndpoint endpoint = endpoint(actions, baseline, applier);
			CompletableFuture<String> caller = call(loader, "RefusedQuoteService");
			String id = awaitParked();

			this.classes.compile("demo.RefusedQuoteService", source("RefusedQuoteService", """
					public String get() {
						return quote();
					}

					private String quote() {
						return "fixed";
					}
					"""));
			applier.classesSaved();
			assertThat(endpoint.failures().latestChange()).satisfies((change) -> {
				assertThat(change.state()).isEqualTo("refused");
				assertThat(change.refusals()).singleElement()
					.satisfies((refusal) -> assertThat(refusal.cause()).contains("this JVM cannot add methods"));
				assertThat(change.error()).contains("RefusedQuoteService");
			});
			assertThat(endpoint.failures().changedClasses()).containsExactly("demo.RefusedQuoteService");
			assertThat(this.parkingLot.get(id).isWaiting()).isTrue();
			assertThat(caller).isNotDone();
		}
	}

	@Test
	void whenTheJvmGivesNoInstrumentationThenContinueAnswers409SayingHowToStartItAndTheCallStaysParked()
			throws Exception {
		this.classes.compile("demo.UninstrumentedQuoteService", source("UninstrumentedQuoteService", BROKEN));
		ClassFileBaseline baseline = this.classes.recordBaseline();
		try (URLClassLoader loader = this.classes.newClassLoader()) {
			// The JVM's part, proven in InstrumentationUnavailableTests: no agent, no
			// attach
			InstrumentationProvider none = new InstrumentationProvider() {

				@Override
				public Instrumentation get() {
					throw new InstrumentationUnavailableException(
							"no -javaagent was given and net.bytebuddy:byte-buddy-agent is not on the class path",
							null);
				}

			};
			ClassReloader reloader = new ClassReloader(baseline, none, loader);
			ParkedCallActions actions = new ParkedCallActions(this.parkingLot, reloader, Duration.ofSeconds(10), true);
			HotRestartEndpoint endpoint = new HotRestartEndpoint(this.parkingLot, actions, reloader,
					new ApplicationCode(baseline.getDirectories()), null, null, null);
			CompletableFuture<String> caller = call(loader, "UninstrumentedQuoteService");
			String id = awaitParked();
			this.classes.compile("demo.UninstrumentedQuoteService", source("UninstrumentedQuoteService", """
					public String get() {
						return "fixed";
					}
					"""));

			WebEndpointResponse<Object> answer = endpoint.act(id, "continue");

			assertThat(answer.getStatus()).isEqualTo(409);
			assertThat(answer.getBody()).isInstanceOfSatisfying(EndpointErrors.ErrorDescriptor.class, (body) -> {
				assertThat(body.id()).isEqualTo(id);
				assertThat(body.error()).contains("Start the JVM with -javaagent:")
					.endsWith("The call stays parked; you can still abort it.");
			});
			assertThat(this.parkingLot.get(id).isWaiting()).isTrue();
			assertThat(caller).isNotDone();
		}
	}

	private ParkedCallActions actions(ClassFileBaseline baseline, ClassLoader loader, boolean reloadOnContinue) {
		ClassReloader reloader = new ClassReloader(baseline, new InstrumentationProvider(), loader);
		return new ParkedCallActions(this.parkingLot, reloader, Duration.ofSeconds(10), reloadOnContinue);
	}

	private HotRestartEndpoint endpoint(ClassFileBaseline baseline, ClassLoader loader, boolean reloadOnContinue) {
		return endpoint(actions(baseline, loader, reloadOnContinue), baseline, null);
	}

	private HotRestartEndpoint endpoint(ParkedCallActions actions, ClassFileBaseline baseline,
			@Nullable ChangeApplier applier) {
		ClassReloader reloader = new ClassReloader(baseline, new InstrumentationProvider());
		return new HotRestartEndpoint(this.parkingLot, actions, reloader,
				new ApplicationCode(baseline.getDirectories()), applier, null, null);
	}

	@SuppressWarnings("unchecked")
	private CompletableFuture<String> call(ClassLoader loader, String simpleName) throws Exception {
		Object target = loader.loadClass("demo." + simpleName).getConstructor().newInstance();
		ProxyFactory factory = new ProxyFactory(target);
		factory.addAdvice(new HotRestartInterceptor(() -> this.parkingLot, () -> new ParkPolicy(this.parkingLot)));
		Supplier<String> proxy = (Supplier<String>) factory.getProxy();
		return CompletableFuture.supplyAsync(proxy, this.callers);
	}

	private String awaitParked() {
		return await().atMost(Duration.ofSeconds(10))
			.until(this.parkingLot::getCalls, (calls) -> !calls.isEmpty())
			.get(0)
			.getId();
	}

	private static String source(String simpleName, String members) {
		return "package demo;\n\nimport java.util.function.Supplier;\n\npublic class " + simpleName
				+ " implements Supplier<String> {\n\n" + members + "\n}\n";
	}

}

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

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.hotrestart.actuate.EndpointErrors.CompileErrorDescriptor;
import dev.hotrestart.actuate.EndpointErrors.CompileFailedDescriptor;
import dev.hotrestart.actuate.EndpointErrors.ErrorDescriptor;
import dev.hotrestart.aop.HotRestartInterceptor;
import dev.hotrestart.compile.ChangedSourceCompiler;
import dev.hotrestart.compile.SourceProject;
import dev.hotrestart.park.ParkPolicy;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.reload.InstrumentationProvider;
import dev.hotrestart.resume.ChangeApplier;
import dev.hotrestart.resume.ParkedCallActions;
import dev.hotrestart.resume.ResumeOnSave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for continuing a parked call through {@link HotRestartEndpoint} when saved
 * sources are compiled on continue: a real project built before the test, a real Spring
 * proxy around a bean of it parked on a real thread, sources saved as an editor saves
 * them, compiled in-process and reloaded through a real instrumentation.
 *
 * @author hot-restart authors
 */
@Timeout(120)
class HotRestartEndpointCompileTests {

	private static final String SERVICE = "demo.QuoteService";

	@TempDir
	Path root;

	private final ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(1));

	private ExecutorService callers;

	private SourceProject project;

	private ChangedSourceCompiler compiler;

	private URLClassLoader loader;

	private ParkedCallActions actions;

	private ChangeApplier applier;

	private HotRestartEndpoint endpoint;

	@BeforeEach
	void buildAndStart() {
		this.callers = Executors.newCachedThreadPool();
		this.project = new SourceProject(this.root);
		this.project.build(SERVICE, source("throw new IllegalStateException(\"no quote yet\");"), "--release", "17",
				"-parameters", "-g");
		this.loader = this.project.newClassLoader();
		this.compiler = this.project.newCompiler();
		ClassFileBaseline baseline = this.project.recordClassFiles();
		this.actions = new ParkedCallActions(this.parkingLot, this.compiler,
				new ClassReloader(baseline, new InstrumentationProvider(), this.loader), Duration.ofSeconds(10), true);
		this.applier = new ChangeApplier(this.actions, new ResumeOnSave(this.actions, false));
		this.endpoint = new HotRestartEndpoint(this.parkingLot, this.actions,
				new ClassReloader(baseline, new InstrumentationProvider()),
				new ApplicationCode(baseline.getDirectories()), this.applier, null, null);
	}

	@AfterEach
	void release() throws Exception {
		this.parkingLot.releaseAll(Duration.ofSeconds(5));
		this.callers.shutdownNow();
		this.compiler.destroy();
		this.loader.close();
	}

	@Test
	void aSavedSourceThatDoesNotCompileAnswers422WithTheErrorsAndAFixResumesTheCall() throws Exception {
		CompletableFuture<String> caller = call();
		String id = awaitParked();
		Path source = this.project.save(SERVICE, source("return \"fixed\""));

		WebEndpointResponse<Object> notCompiled = this.endpoint.act(id, "continue");

		assertThat(notCompiled.getStatus()).isEqualTo(422);
		assertThat(notCompiled.getBody()).isInstanceOfSatisfying(CompileFailedDescriptor.class, (body) -> {
			assertThat(body.id()).isEqualTo(id);
			assertThat(body.error())
				.startsWith("The saved source does not compile: QuoteService.java:9: ';' expected.");
			assertThat(body.compileErrors()).containsExactly(
					new CompileErrorDescriptor(source.toString(), 9L, 17L, "';' expected", "\t\treturn \"fixed\""));
		});
		assertThat(this.parkingLot.get(id).isWaiting()).isTrue();
		assertThat(caller).isNotDone();

		this.project.save(SERVICE, source("return \"fixed\";"));
		WebEndpointResponse<Object> resumed = this.endpoint.act(id, "continue");

		assertThat(resumed.getBody()).isInstanceOfSatisfying(ContinueDescriptor.class, (body) -> {
			assertThat(body.outcome()).isEqualTo("resumed");
			assertThat(body.reloaded()).containsExactly(SERVICE);
		});
		assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo("fixed");
	}

	@Test
	void aSavedSourceThatDoesNotCompileIsListedAsTheLatestChangeWithoutAnyRequest() {
		call();
		awaitParked();
		Path source = this.project.save(SERVICE, source("return fixed;"));

		this.applier.classesSaved();

		assertThat(this.endpoint.failures().latestChange()).satisfies((change) -> {
			assertThat(change.state()).isEqualTo("compile-failed");
			assertThat(change.classes()).containsExactly(SERVICE);
			assertThat(change.compileErrors()).singleElement().satisfies((error) -> {
				assertThat(error.file()).isEqualTo(source.toString());
				assertThat(error.line()).isEqualTo(9L);
				assertThat(error.message()).startsWith("cannot find symbol");
				assertThat(error.sourceLine()).isEqualTo("\t\treturn fixed;");
			});
			assertThat(change.error()).contains("QuoteService.java:9: cannot find symbol");
		});
	}

	@Test
	void aChangedSourceThatCannotBeCompiledHereAnswers409AndTheCallStaysParked() throws Exception {
		call();
		String id = awaitParked();
		Path kotlin = this.project.sources().resolve("demo/Rates.kt");
		Files.writeString(kotlin, "package demo\n\nfun rate() = 1\n");

		WebEndpointResponse<Object> unavailable = this.endpoint.act(id, "continue");

		assertThat(unavailable.getStatus()).isEqualTo(409);
		assertThat(unavailable.getBody()).isInstanceOfSatisfying(ErrorDescriptor.class, (body) -> {
			assertThat(body.id()).isEqualTo(id);
			assertThat(body.error()).startsWith("Hot restart compiles only Java sources, and Rates.kt (Kotlin)");
		});
		assertThat(this.parkingLot.get(id).isWaiting()).isTrue();
	}

	@SuppressWarnings("unchecked")
	private CompletableFuture<String> call() {
		try {
			Object target = this.loader.loadClass(SERVICE).getConstructor().newInstance();
			ProxyFactory factory = new ProxyFactory(target);
			factory.addAdvice(new HotRestartInterceptor(() -> this.parkingLot, () -> new ParkPolicy(this.parkingLot)));
			Supplier<String> proxy = (Supplier<String>) factory.getProxy();
			return CompletableFuture.supplyAsync(proxy, this.callers);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String awaitParked() {
		return await().atMost(Duration.ofSeconds(30))
			.until(this.parkingLot::getCalls, (calls) -> !calls.isEmpty())
			.get(0)
			.getId();
	}

	private static String source(String body) {
		return """
				package demo;

				import java.util.function.Supplier;

				public class QuoteService implements Supplier<String> {

					@Override
					public String get() {
						%s
					}

				}
				""".formatted(body);
	}

}

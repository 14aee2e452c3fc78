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
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.reload.CompiledClasses;
import dev.hotrestart.resume.ChangeApplier;
import dev.hotrestart.resume.ClassDirectoryWatcher;
import dev.hotrestart.testapp.AbstractHotRestartServerTests;
import dev.hotrestart.testapp.EnableAutoConfigurationWithoutSecurity;
import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for continue over HTTP when the developer has changed a class: the
 * advised beans' classes are compiled at test time into a class directory of their own, a
 * request parks on a real server, and the continue request reloads the recompiled class
 * through a real instrumentation before the call runs again.
 *
 * @author hot-restart authors
 */
@SpringBootTest(classes = ContinueReloadIntegrationTests.ReloadingApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hot-restart.enabled=true", "spring.main.banner-mode=off",
				"spring.web.error.include-message=always",
				// A class generated next to one of a plain URLClassLoader could not be
				// found: proxy the services by their interface
				"spring.aop.proxy-target-class=false" })
class ContinueReloadIntegrationTests extends AbstractHotRestartServerTests {

	private static final String BROKEN = """
			public String get() {
				throw new IllegalStateException("no quote yet");
			}
			""";

	private static final String FIXED = """
			public String get() {
				return "fixed";
			}
			""";

	@TempDir
	static Path root;

	private static CompiledClasses classes;

	@BeforeAll
	static void compileBrokenServices() {
		classes = new CompiledClasses(root.resolve("application"));
		for (String service : List.of("ResumingService", "RejectingService", "RefusingService")) {
			classes.compile("demo." + service, source(service, BROKEN));
		}
	}

	@DynamicPropertySource
	static void classDirectory(DynamicPropertyRegistry registry) {
		registry.add("test.class-directory", () -> classes.directory().toString());
	}

	@Test
	void continueReloadsTheRecompiledClassAndTheWaitingClientGetsTheFixedAnswer() {
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/services/resuming");
		String id = this.client.awaitParked(1).get(0).get("id").toString();

		classes.compile("demo.ResumingService", source("ResumingService", FIXED));
		HttpResponse<String> continued = this.client.post("/actuator/hotrestart/" + id + "/continue");

		assertThat(continued.statusCode()).isEqualTo(200);
		assertThat(HotRestartClient.<String>read(continued, "$.outcome")).isEqualTo("resumed");
		assertThat(HotRestartClient.<List<String>>read(continued, "$.reloaded"))
			.containsExactly("demo.ResumingService");
		HttpResponse<String> answer = HotRestartClient.join(waiting);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("fixed");
	}

	@Test
	void continueWithAHalfWrittenClassFileAnswers422AndTheCallStaysParkedUntilTheFileIsWhole() throws IOException {
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/services/rejecting");
		String id = this.client.awaitParked(1).get(0).get("id").toString();
		CompiledClasses staging = new CompiledClasses(root.resolve("staging"));
		staging.compile("demo.RejectingService", source("RejectingService", FIXED));
		byte[] whole = Files.readAllBytes(staging.classFile("demo.RejectingService"));
		Path file = classes.classFile("demo.RejectingService");

		// As a build caught in the middle of writing the class file
		Files.write(file, Arrays.copyOf(whole, whole.length / 2));
		HttpResponse<String> rejected = this.client.post("/actuator/hotrestart/" + id + "/continue");

		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat(HotRestartClient.<String>read(rejected, "$.id")).isEqualTo(id);
		assertThat(HotRestartClient.<List<Map<String, String>>>read(rejected, "$.files")).singleElement()
			.satisfies((rejectedFile) -> {
				assertThat(rejectedFile).containsEntry("className", "demo.RejectingService")
					.containsEntry("file", file.toString());
				assertThat(rejectedFile.get("cause")).startsWith("is truncated or corrupt");
			});
		assertThat(this.client.failures()).extracting((failure) -> failure.get("id")).containsExactly(id);
		assertThat(waiting).isNotDone();

		Files.write(file, whole);
		HttpResponse<String> continued = this.client.post("/actuator/hotrestart/" + id + "/continue");
		assertThat(HotRestartClient.<String>read(continued, "$.outcome")).isEqualTo("resumed");
		assertThat(HotRestartClient.join(waiting).body()).isEqualTo("fixed");
	}

	@Test
	void continueWithChangesTheJvmCannotApplyAnswers409ListingEveryRefusalAndTheCallStaysParked() {
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/services/refusing");
		String id = this.client.awaitParked(1).get(0).get("id").toString();

		classes.compile("demo.RefusingService", source("RefusingService", """
				private int count;

				public String get() {
					this.count++;
					return quote();
				}

				private String quote() {
					return "fixed";
				}
				"""));
		HttpResponse<String> refused = this.client.post("/actuator/hotrestart/" + id + "/continue");

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(HotRestartClient.<String>read(refused, "$.id")).isEqualTo(id);
		assertThat(HotRestartClient.<List<String>>read(refused, "$.refusals[*].member"))
			.containsExactlyInAnyOrder("RefusingService.count", "RefusingService.quote()");
		assertThat(HotRestartClient.<String>read(refused, "$.advice"))
			.startsWith("Nothing was reloaded and the call stays parked.");
		assertThat(this.client.failures()).extracting((failure) -> failure.get("id")).containsExactly(id);
		assertThat(waiting).isNotDone();

		classes.compile("demo.RefusingService", source("RefusingService", FIXED));
		HttpResponse<String> continued = this.client.post("/actuator/hotrestart/" + id + "/continue");
		assertThat(HotRestartClient.<String>read(continued, "$.outcome")).isEqualTo("resumed");
		assertThat(HotRestartClient.join(waiting).body()).isEqualTo("fixed");
	}

	private static String source(String simpleName, String members) {
		return "package demo;\n\nimport java.util.function.Supplier;\n\n@dev.hotrestart.HotRestart\npublic class "
				+ simpleName + " implements Supplier<String> {\n\n" + members + "\n}\n";
	}

	/**
	 * An application whose advised beans are of classes in the test's class directory,
	 * the only directory hot restart looks at. Changes are left for continue to apply:
	 * the watcher that would apply them at save watches nothing here.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfigurationWithoutSecurity
	static class ReloadingApplication {

		@Bean
		ClassFileBaseline hotRestartClassFileBaseline(@Value("${test.class-directory}") Path directory) {
			// Recorded now, before any test recompiles a class
			ClassFileBaseline baseline = new ClassFileBaseline(List.of(directory), Long.MAX_VALUE);
			baseline.record();
			return baseline;
		}

		@Bean
		ClassDirectoryWatcher hotRestartClassDirectoryWatcher(ParkingLot parkingLot, ChangeApplier applier) {
			return new ClassDirectoryWatcher(List.of(), parkingLot, applier, Duration.ofMillis(100),
					Duration.ofMillis(500));
		}

		@Bean(destroyMethod = "close")
		URLClassLoader compiledClasses() {
			return classes.newClassLoader();
		}

		@Bean
		Supplier<String> resuming(URLClassLoader compiledClasses) throws ReflectiveOperationException {
			return instantiate(compiledClasses, "demo.ResumingService");
		}

		@Bean
		Supplier<String> rejecting(URLClassLoader compiledClasses) throws ReflectiveOperationException {
			return instantiate(compiledClasses, "demo.RejectingService");
		}

		@Bean
		Supplier<String> refusing(URLClassLoader compiledClasses) throws ReflectiveOperationException {
			return instantiate(compiledClasses, "demo.RefusingService");
		}

		@SuppressWarnings("unchecked")
		private static Supplier<String> instantiate(ClassLoader loader, String className)
				throws ReflectiveOperationException {
			return (Supplier<String>) loader.loadClass(className).getConstructor().newInstance();
		}

		@Bean
		ServiceController serviceController(Map<String, Supplier<String>> services) {
			return new ServiceController(services);
		}

	}

	@RestController
	static class ServiceController {

		private final Map<String, Supplier<String>> services;

		ServiceController(Map<String, Supplier<String>> services) {
			this.services = services;
		}

		@GetMapping("/services/{name}")
		String call(@PathVariable String name) {
			return this.services.get(name).get();
		}

	}

}

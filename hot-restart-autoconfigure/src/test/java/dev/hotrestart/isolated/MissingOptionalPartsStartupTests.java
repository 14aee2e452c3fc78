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

package dev.hotrestart.isolated;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a real application with hot restart in a class loader that lacks some optional
 * dependencies, as a user's application without them does: no web server, WebFlux without
 * the servlet API, a servlet application without Reactor, and without Actuator,
 * spring-tx, DevTools or Byte Buddy. Unlike a {@code FilteredClassLoader}, which only
 * hides classes from conditions, the missing jars are really absent: a class that names a
 * missing type in a bean method's signature, or in a type its bean loads, fails here with
 * a {@code NoClassDefFoundError}, as it would for the user. In each case a failing call
 * parks and continue resumes it.
 */
@Timeout(300)
class MissingOptionalPartsStartupTests {

	private static final Path TEST_CLASSES = Path.of("target", "test-classes");

	@TempDir
	Path workDirectory;

	private static final List<String> ALWAYS_MISSING = List.of("spring-security-", "spring-boot-security-",
			"spring-boot-starter-security-");

	private static final List<String> SERVLET = List.of("jakarta.servlet-api-", "tomcat-embed-", "spring-webmvc-",
			"spring-boot-webmvc-", "spring-boot-tomcat-", "spring-boot-servlet-", "spring-boot-starter-tomcat",
			"spring-boot-starter-webmvc-");

	private static final List<String> REACTIVE = List.of("spring-webflux-", "spring-boot-webflux-", "reactor-",
			"spring-boot-reactor", "spring-boot-netty-", "netty-", "reactive-streams-", "spring-boot-starter-webflux-",
			"spring-boot-starter-reactor-netty-", "spring-boot-http-codec-");

	@Test
	void withoutAWebServer() throws Exception {
		String report = startParkAndContinue("NONE", concat(SERVLET, REACTIVE, List.of("spring-web-")));
		assertThat(report).startsWith("resumed;done x;")
			.contains("hotRestartParkedCallReleaser", "hotRestartThreadlessWaits")
			.doesNotContain("hotRestartAccessFilter", "hotRestartParkedRequests", "hotRestartParkedExchanges");
	}

	@Test
	void webFluxWithoutTheServletApi() throws Exception {
		String report = startParkAndContinue("REACTIVE", SERVLET);
		assertThat(report).startsWith("resumed;done x;")
			.contains("hotRestartAccessWebFilter", "hotRestartParkedExchanges", "hotRestartConsoleRoutes",
					"hotRestartEndpoint")
			.doesNotContain("hotRestartAccessFilter,", "hotRestartParkedRequests");
	}

	@Test
	void servletWithoutWebFluxAndReactor() throws Exception {
		String report = startParkAndContinue("SERVLET", REACTIVE);
		assertThat(report).startsWith("resumed;done x;")
			.contains("hotRestartAccessFilter", "hotRestartParkedRequests", "hotRestartConsoleController",
					"hotRestartEndpoint")
			.doesNotContain("hotRestartAccessWebFilter", "hotRestartParkedExchanges");
	}

	@Test
	void withoutActuator() throws Exception {
		String report = startParkAndContinue("REACTIVE",
				concat(SERVLET, List.of("spring-boot-actuator-", "spring-boot-starter-actuator-")));
		assertThat(report).startsWith("resumed;done x;")
			.contains("hotRestartAccessWebFilter")
			.doesNotContain("hotRestartEndpoint", "hotRestartConsoleRoutes");
	}

	@Test
	void withoutSpringTx() throws Exception {
		String report = startParkAndContinue("NONE",
				concat(SERVLET, REACTIVE,
						List.of("spring-tx-", "spring-boot-transaction-", "spring-jdbc-", "spring-boot-jdbc-",
								"spring-boot-starter-jdbc-", "spring-boot-persistence-", "HikariCP-", "h2-",
								"testcontainers-jdbc-", "spring-boot-sql-")));
		assertThat(report).startsWith("resumed;done x;");
	}

	@Test
	void withoutDevTools() throws Exception {
		String report = startParkAndContinue("NONE", concat(SERVLET, REACTIVE, List.of("spring-boot-devtools-")));
		assertThat(report).startsWith("resumed;done x;").contains("hotRestartClassDirectoryWatcher");
	}

	@Test
	void withoutByteBuddy() throws Exception {
		String report = startParkAndContinue("NONE", concat(SERVLET, REACTIVE, List.of("byte-buddy-")), false);
		assertThat(report).startsWith("resumed;done x;")
			.endsWith(";Hot restart cannot redefine classes in this JVM: no -javaagent was given and "
					+ "net.bytebuddy:byte-buddy-agent is not on the class path. Start the JVM with "
					+ "-javaagent:<path to hot-restart-autoconfigure.jar> (with spring-boot:run, add it to the "
					+ "plugin's <agents>), or use a full JDK rather than a jlink'd runtime so that hot restart can "
					+ "attach itself. The call stays parked; you can still abort it.");
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		return Arrays.stream(lists).flatMap(List::stream).toList();
	}

	private String startParkAndContinue(String webApplicationType, List<String> missingJars) throws Exception {
		return startParkAndContinue(webApplicationType, missingJars, true);
	}

	private String startParkAndContinue(String webApplicationType, List<String> missingJars, boolean reloadOnContinue)
			throws Exception {
		List<String> missing = concat(ALWAYS_MISSING, missingJars);
		Path classes = ownClassDirectory();
		URL[] classPath = Stream
			.concat(Stream.of(classes.toString()),
					Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
						.filter((entry) -> !Path.of(entry).toAbsolutePath().equals(TEST_CLASSES.toAbsolutePath()))
						.filter((entry) -> missing.stream().noneMatch((prefix) -> isJar(entry, prefix))))
			.map(MissingOptionalPartsStartupTests::url)
			.toArray(URL[]::new);
		try (URLClassLoader loader = new URLClassLoader("isolated", classPath, ClassLoader.getPlatformClassLoader())) {
			CompletableFuture<String> report = new CompletableFuture<>();
			// A thread of its own: its stack shows no test runner, and its context class
			// loader is the isolated one
			Thread thread = new Thread(() -> {
				try {
					report.complete((String) loader.loadClass(IsolatedApplication.class.getName())
						.getMethod("startParkAndContinue", String.class, boolean.class)
						.invoke(null, webApplicationType, reloadOnContinue));
				}
				catch (InvocationTargetException ex) {
					report.completeExceptionally(ex.getCause());
				}
				catch (Throwable ex) {
					report.completeExceptionally(ex);
				}
			}, "isolated-main");
			thread.setContextClassLoader(loader);
			thread.start();
			return report.get(240, TimeUnit.SECONDS);
		}
	}

	/**
	 * Copy this package's classes into a class directory of the application's own, so
	 * that the application's class loader has none of the other tests' classes.
	 */
	private Path ownClassDirectory() throws IOException {
		Path packagePath = Path.of(IsolatedApplication.class.getPackageName().replace('.', '/'));
		Path source = TEST_CLASSES.resolve(packagePath);
		Path target = this.workDirectory.resolve("classes");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path copy = target.resolve(packagePath).resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy);
				}
			}
		}
		return target;
	}

	private static boolean isJar(String entry, String prefix) {
		String name = Path.of(entry).getFileName().toString();
		return name.endsWith(".jar") && name.startsWith(prefix)
				&& (!prefix.equals("spring-web-") || Pattern.matches("spring-web-\\d.*", name));
	}

	private static URL url(String entry) {
		try {
			return Path.of(entry).toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException(entry, ex);
		}
	}

}

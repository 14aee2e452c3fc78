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

package dev.hotrestart.sample;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A small application from the sample's test sources, running in a JVM of its own as an
 * IDE launches it: thread {@code main}, its classes in a class directory (a copy of its
 * package from {@code target/test-classes}, so a fix compiled into it never touches the
 * build), and the test class path minus the jars it must not have. Its standard input is
 * a pipe the test writes to, as an IDE's run console is; its output is collected.
 */
final class ApplicationProcess implements AutoCloseable {

	private static final Path TEST_CLASSES = Path.of("target", "test-classes");

	private final Process process;

	private final Path classesDirectory;

	private final String classPath;

	private final Writer input;

	private final StringBuffer output = new StringBuffer();

	private ApplicationProcess(List<String> command, Path classesDirectory, String classPath) throws IOException {
		this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
		this.classesDirectory = classesDirectory;
		this.classPath = classPath;
		this.input = new OutputStreamWriter(this.process.getOutputStream(), StandardCharsets.UTF_8);
		Thread reader = new Thread(this::readOutput, "application-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start an application.
	 * @param workDirectory a fresh directory for its class directory
	 * @param mainClass the application's main class, whose package (and subpackages) make
	 * up its class directory
	 * @param missingJars which entries of this JVM's class path the application must not
	 * have
	 * @param jvmOptions JVM options
	 * @param arguments the application's arguments
	 * @return the running application
	 */
	static ApplicationProcess start(Path workDirectory, Class<?> mainClass, Predicate<String> missingJars,
			List<String> jvmOptions, List<String> arguments) throws IOException {
		Path classes = workDirectory.resolve("classes");
		String packagePath = mainClass.getPackageName().replace('.', '/');
		copyTree(TEST_CLASSES.resolve(packagePath), classes.resolve(packagePath));
		String classPath = Stream.concat(Stream.of(classes.toString()),
				Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
					// The test support's logback-test.xml would hide the log lines the
					// tests read
					.filter((entry) -> !isOwnBuildOutput(entry) && !entry.contains("hot-restart-test-support"))
					.filter(missingJars.negate()))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classPath, mainClass.getName()));
		command.addAll(arguments);
		return new ApplicationProcess(command, classes, classPath);
	}

	/**
	 * Return a predicate that matches the jars of this JVM's class path whose file names
	 * start with one of the prefixes.
	 * @param prefixes the file name prefixes, such as {@code "tomcat-embed-"}
	 * @return the predicate
	 */
	static Predicate<String> jarsNamed(List<String> prefixes) {
		return (entry) -> {
			String name = Path.of(entry).getFileName().toString();
			return name.endsWith(".jar") && prefixes.stream().anyMatch(name::startsWith);
		};
	}

	private static boolean isOwnBuildOutput(String entry) {
		Path path = Path.of(entry).toAbsolutePath().normalize();
		return path.equals(Path.of("target", "classes").toAbsolutePath().normalize())
				|| path.equals(TEST_CLASSES.toAbsolutePath().normalize());
	}

	private static void copyTree(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	private void readOutput() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				this.output.append(line).append('\n');
			}
		}
		catch (IOException ex) {
			// The process ended
		}
	}

	/**
	 * Write a line to the application's standard input, as a developer types it.
	 * @param line the line, without its line break
	 */
	void type(String line) throws IOException {
		this.input.write(line + "\n");
		this.input.flush();
	}

	/**
	 * Wait until the output matches {@code pattern}, and return the first group of the
	 * first match.
	 */
	String awaitMatch(Pattern pattern) {
		return await().atMost(Duration.ofSeconds(90))
			.until(() -> matching(pattern), (group) -> group != null || !this.process.isAlive());
	}

	private String matching(Pattern pattern) {
		Matcher matcher = pattern.matcher(this.output);
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * Wait until the output contains {@code text}.
	 */
	void awaitOutput(String text) {
		await().atMost(Duration.ofSeconds(60)).until(this::output, (output) -> output.contains(text));
	}

	/**
	 * Wait until the application's JVM has exited on its own.
	 * @param maxWait how long to wait
	 * @return whether it exited in time
	 */
	boolean awaitExit(Duration maxWait) throws InterruptedException {
		return this.process.waitFor(maxWait.toMillis(), TimeUnit.MILLISECONDS);
	}

	int exitValue() {
		return this.process.exitValue();
	}

	URI uri(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

	Path classesDirectory() {
		return this.classesDirectory;
	}

	String classPath() {
		return this.classPath;
	}

	String output() {
		return this.output.toString();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}

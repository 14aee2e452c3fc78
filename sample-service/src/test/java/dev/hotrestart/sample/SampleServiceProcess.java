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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.hotrestart.testsupport.HotRestartClient;

import static org.awaitility.Awaitility.await;

/**
 * The sample service running in a JVM of its own, launched the way an IDE launches it:
 * thread {@code main}, its classes in a class directory. The class directory is a copy of
 * {@code target/classes}, so a fix compiled into it by a test never touches the build,
 * with the classes that have deliberate bugs compiled from their {@link PristineSources}:
 * the tests find the bugs even after a developer fixed them in the working copy. Its
 * source directory ({@code hot-restart.source-directories}) is a copy of
 * {@code src/main/java} holding the same pristine sources, so a source a test saves never
 * touches the working copy. DevTools is on the class path, so its restart is active
 * unless a JVM option turns it off; a restart serves on a new port, which
 * {@link #uri(String)} follows.
 */
final class SampleServiceProcess implements AutoCloseable {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final String STARTED = "Started SampleServiceApplication in";

	private final Process process;

	private final Path classesDirectory;

	private final Path sourcesDirectory;

	private final String classPath;

	private final List<String> command;

	private final StringBuffer output = new StringBuffer();

	private final CompletableFuture<Integer> port = new CompletableFuture<>();

	private volatile int currentPort;

	private SampleServiceProcess(List<String> command, Path classesDirectory, Path sourcesDirectory, String classPath)
			throws IOException {
		this.command = List.copyOf(command);
		this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
		this.classesDirectory = classesDirectory;
		this.sourcesDirectory = sourcesDirectory;
		this.classPath = classPath;
		Thread reader = new Thread(this::readOutput, "sample-service-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start the sample service from a copy of its class directory in
	 * {@code workDirectory}, as the integration tests launch it.
	 * @param workDirectory a fresh directory
	 * @param jvmOptions extra JVM options, such as {@code -javaagent:...}
	 * @return the running service, once it serves HTTP
	 */
	static SampleServiceProcess start(Path workDirectory, String... jvmOptions) throws IOException {
		return start(workDirectory, Launch.forTests().withJvmOptions(jvmOptions));
	}

	/**
	 * Start the sample service from a copy of its class directory in
	 * {@code workDirectory}.
	 * @param workDirectory a fresh directory
	 * @param launch the JVM options, application arguments and class path to use
	 * @return the running service, once it serves HTTP
	 */
	static SampleServiceProcess start(Path workDirectory, Launch launch) throws IOException {
		Path classes = workDirectory.resolve("classes");
		copyTree(Path.of("target", "classes"), classes);
		PristineSources.installInto(classes);
		Path sources = workDirectory.resolve("sources");
		copyTree(Path.of("src", "main", "java"), sources);
		PristineSources.installSourcesInto(sources);
		String classPath = Stream
			.of(Stream.of(classes.toString()), launch.classDirectories().stream().map(Path::toString),
					Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
						.filter((entry) -> !isOwnBuildOutput(entry) && !entry.contains("hot-restart-test-support"))
						.filter(launch.classPathEntries()))
			.flatMap((entries) -> entries)
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(launch.jvmOptions());
		command.addAll(List.of("-cp", classPath, SampleServiceApplication.class.getName()));
		command.addAll(launch.arguments());
		command.add("--hot-restart.source-directories=" + sources);
		SampleServiceProcess service = new SampleServiceProcess(command, classes, sources, classPath);
		service.awaitPort();
		return service;
	}

	/**
	 * Stop this JVM and start a new one on the same class directory, as a developer does
	 * for a cold restart.
	 * @return the new process, once it serves HTTP
	 */
	SampleServiceProcess restart() throws IOException {
		close();
		SampleServiceProcess service = new SampleServiceProcess(this.command, this.classesDirectory,
				this.sourcesDirectory, this.classPath);
		service.awaitPort();
		return service;
	}

	private static boolean isOwnBuildOutput(String entry) {
		Path path = Path.of(entry).toAbsolutePath().normalize();
		return path.equals(Path.of("target", "classes").toAbsolutePath().normalize())
				|| path.equals(Path.of("target", "test-classes").toAbsolutePath().normalize());
	}

	/**
	 * Return a {@code -javaagent:} option naming the hot-restart-autoconfigure jar of
	 * this build, or, when the class path holds its class directory instead (an IDE run),
	 * a manifest-only agent jar that loads the agent class from the class path.
	 * @param workDirectory where a manifest-only jar may be written
	 * @return the JVM option
	 */
	static String javaAgentOption(Path workDirectory) throws IOException {
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (entry.contains("hot-restart-autoconfigure") && entry.endsWith(".jar")) {
				return "-javaagent:" + entry;
			}
		}
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().putValue("Premain-Class", "dev.hotrestart.reload.HotRestartAgent");
		manifest.getMainAttributes().putValue("Can-Redefine-Classes", "true");
		manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
		Path jar = workDirectory.resolve("agent.jar");
		try (JarOutputStream stream = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
			// Manifest only: the agent class comes from the class path
		}
		return "-javaagent:" + jar;
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
				Matcher matcher = PORT.matcher(line);
				if (matcher.find()) {
					this.currentPort = Integer.parseInt(matcher.group(1));
					this.port.complete(this.currentPort);
				}
			}
		}
		catch (IOException ex) {
			// The process ended
		}
		this.port.completeExceptionally(new IllegalStateException("The sample service exited:\n" + this.output));
	}

	private void awaitPort() {
		try {
			this.port.get(90, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			close();
			throw new IllegalStateException("The sample service did not start:\n" + this.output, ex);
		}
	}

	/**
	 * Return a client of this service that follows it to the port of a restart.
	 */
	HotRestartClient client() {
		return new HotRestartClient(() -> uri(""), this::output);
	}

	URI uri(String path) {
		this.port.join();
		return URI.create("http://localhost:" + this.currentPort + path);
	}

	/**
	 * Return how many times the application has started in this JVM: 1, plus one for each
	 * restart.
	 */
	int starts() {
		return output().split(Pattern.quote(STARTED), -1).length - 1;
	}

	/**
	 * Wait until the application has started {@code count} times and serves again.
	 */
	void awaitStarts(int count) {
		await().atMost(Duration.ofSeconds(60)).until(this::starts, (starts) -> starts >= count);
	}

	/**
	 * Wait until the output contains {@code text}.
	 */
	void awaitOutput(String text) {
		await().atMost(Duration.ofSeconds(30)).until(this::output, (output) -> output.contains(text));
	}

	Path classesDirectory() {
		return this.classesDirectory;
	}

	Path sourcesDirectory() {
		return this.sourcesDirectory;
	}

	String classPath() {
		return this.classPath;
	}

	String output() {
		return this.output.toString();
	}

	/**
	 * Send the process SIGTERM, as a terminal's kill or a container runtime does, and
	 * wait for it to exit.
	 * @param maxWait how long to wait
	 * @return whether it exited within {@code maxWait}
	 */
	boolean terminate(Duration maxWait) throws InterruptedException {
		// Through the handle: Process.destroy() would also close the pipe its output is
		// read from
		this.process.toHandle().destroy();
		return this.process.waitFor(maxWait.toMillis(), TimeUnit.MILLISECONDS);
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

	/**
	 * How to launch the sample.
	 *
	 * @param jvmOptions extra JVM options, such as {@code -javaagent:...}
	 * @param arguments the application's arguments
	 * @param classPathEntries which entries of this JVM's class path the sample gets
	 * @param classDirectories further class directories, after the sample's own
	 */
	record Launch(List<String> jvmOptions, List<String> arguments, Predicate<String> classPathEntries,
			List<Path> classDirectories) {

		/**
		 * Keeps sample JVMs running side by side from fighting over the LiveReload port.
		 */
		static final String NO_LIVE_RELOAD = "--spring.devtools.livereload.enabled=false";

		/**
		 * Return the launch the integration tests use: a random port and a billing run
		 * with no artificial work per account.
		 */
		static Launch forTests() {
			return new Launch(List.of(), List.of("--server.port=0", "--sample.billing.work-per-account=0ms",
					"--spring.main.banner-mode=off", NO_LIVE_RELOAD), (entry) -> true, List.of());
		}

		Launch withJvmOptions(String... options) {
			return new Launch(List.of(options), this.arguments, this.classPathEntries, this.classDirectories);
		}

		Launch withArguments(String... arguments) {
			return new Launch(this.jvmOptions, List.of(arguments), this.classPathEntries, this.classDirectories);
		}

		Launch withMoreArguments(String... arguments) {
			List<String> all = new ArrayList<>(this.arguments);
			all.addAll(List.of(arguments));
			return new Launch(this.jvmOptions, all, this.classPathEntries, this.classDirectories);
		}

		Launch withClassDirectory(Path directory) {
			List<Path> all = new ArrayList<>(this.classDirectories);
			all.add(directory);
			return new Launch(this.jvmOptions, this.arguments, this.classPathEntries, all);
		}

		Launch withoutClassPathEntries(Predicate<String> excluded) {
			return new Launch(this.jvmOptions, this.arguments, this.classPathEntries.and(excluded.negate()),
					this.classDirectories);
		}

	}

}

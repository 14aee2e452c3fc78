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
import java.io.UncheckedIOException;
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
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sample service running in a JVM of its own, launched the way an IDE launches it:
 * thread {@code main}, its classes in a class directory. The class directory is a copy of
 * {@code target/classes}, so a fix compiled into it by a test never touches the build.
 */
final class SampleServiceProcess implements AutoCloseable {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private final Process process;

	private final Path classesDirectory;

	private final String classPath;

	private final StringBuffer output = new StringBuffer();

	private final CompletableFuture<Integer> port = new CompletableFuture<>();

	private SampleServiceProcess(Process process, Path classesDirectory, String classPath) {
		this.process = process;
		this.classesDirectory = classesDirectory;
		this.classPath = classPath;
		Thread reader = new Thread(this::readOutput, "sample-service-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start the sample service from a copy of its class directory in
	 * {@code workDirectory}.
	 * @param workDirectory a fresh directory
	 * @param jvmOptions extra JVM options, such as {@code -javaagent:...}
	 * @return the running service, once it serves HTTP
	 */
	static SampleServiceProcess start(Path workDirectory, String... jvmOptions) throws IOException {
		Path classes = workDirectory.resolve("classes");
		copyTree(Path.of("target", "classes"), classes);
		String classPath = Stream.concat(Stream.of(classes.toString()),
				Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
					.filter((entry) -> !isOwnBuildOutput(entry)))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", classPath, SampleServiceApplication.class.getName(), "--server.port=0",
				"--sample.billing.work-per-account=0ms", "--spring.main.banner-mode=off"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		SampleServiceProcess service = new SampleServiceProcess(process, classes, classPath);
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
					this.port.complete(Integer.parseInt(matcher.group(1)));
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

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port.join() + path);
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

	static void writeString(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

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

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A class directory to put on a measured application's class path: a
 * {@code SpringApplicationRunListener} that prints how much CPU time the main thread has
 * used when the application has started. Unlike the elapsed time Spring Boot logs, the
 * main thread's CPU time hardly depends on what else the machine is running.
 */
final class StartupProbe {

	private static final Pattern LINE = Pattern.compile("Main thread CPU time at start: (\\d+) ms");

	private static final String LISTENER = "dev.hotrestart.sample.probe.StartupCpuTime";

	private StartupProbe() {
	}

	/**
	 * Compile the probe into a class directory.
	 * @param directory where to write its source and classes
	 * @return the class directory
	 */
	static Path compile(Path directory) throws IOException {
		Path source = Files.createDirectories(directory.resolve("sources")).resolve("StartupCpuTime.java");
		Path classes = Files.createDirectories(directory.resolve("classes"));
		Files.writeString(source, """
				package dev.hotrestart.sample.probe;

				import java.lang.management.ManagementFactory;
				import java.time.Duration;

				import org.springframework.boot.SpringApplication;
				import org.springframework.boot.SpringApplicationRunListener;
				import org.springframework.context.ConfigurableApplicationContext;

				public class StartupCpuTime implements SpringApplicationRunListener {

					public StartupCpuTime(SpringApplication application, String[] args) {
					}

					@Override
					public void started(ConfigurableApplicationContext context, Duration timeTaken) {
						long nanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
						System.out.println("Main thread CPU time at start: " + (nanos / 1_000_000) + " ms");
					}

				}
				""");
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StringWriter diagnostics = new StringWriter();
		boolean compiled = compiler
			.getTask(diagnostics, null, null,
					List.of("--release", "17", "-proc:none", "-d", classes.toString(), "-cp",
							System.getProperty("java.class.path")),
					null, compiler.getStandardFileManager(null, null, null).getJavaFileObjects(source))
			.call();
		if (!compiled) {
			throw new IllegalStateException("Could not compile the start-up probe:\n" + diagnostics);
		}
		Path factories = Files.createDirectories(classes.resolve("META-INF")).resolve("spring.factories");
		Files.writeString(factories, "org.springframework.boot.SpringApplicationRunListener=" + LISTENER + "\n");
		return classes;
	}

	/**
	 * Return the main thread's CPU time the probe printed.
	 * @param output the application's output
	 * @return the milliseconds, or -1 if the probe has not printed yet
	 */
	static long mainThreadCpuMillis(String output) {
		Matcher matcher = LINE.matcher(output);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

}

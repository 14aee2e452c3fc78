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

package dev.hotrestart.reload;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InstrumentationProvider} in a JVM that gives it no instrumentation: a
 * second JVM, started without {@code -javaagent} and without Byte Buddy's agent on its
 * class path, asks for one.
 *
 * @author hot-restart authors
 */
@Timeout(120)
class InstrumentationUnavailableTests {

	@Test
	void whenNoAgentWasGivenAndNoneCanBeAttachedThenTheErrorSaysHowToStartTheJvm() throws Exception {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !Path.of(entry).getFileName().toString().startsWith("byte-buddy-agent"))
			.collect(Collectors.joining(File.pathSeparator));
		assertThat(classPath).as("the test's class path without Byte Buddy's agent")
			.isNotEqualTo(System.getProperty("java.class.path"));
		Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", classPath, InstrumentationProbe.class.getName()))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains(InstrumentationUnavailableException.class.getName())
			.contains("Hot restart cannot redefine classes in this JVM: no -javaagent was given and "
					+ "net.bytebuddy:byte-buddy-agent is not on the class path")
			.contains("Start the JVM with -javaagent:<path to hot-restart-autoconfigure.jar>")
			.contains("The call stays parked; you can still abort it.");
	}

	/**
	 * Asks for an instrumentation and prints the exception that says there is none; exits
	 * with 1 if it gets one after all.
	 */
	static final class InstrumentationProbe {

		public static void main(String[] args) {
			try {
				new InstrumentationProvider().get();
				System.out.println("Got an instrumentation");
				System.exit(1);
			}
			catch (InstrumentationUnavailableException ex) {
				System.out.println(ex);
			}
		}

	}

}

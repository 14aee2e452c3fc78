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

package dev.hotrestart.autoconfigure;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Decides whether hot restart is active, and says why.
 * <p>
 * {@code hot-restart.enabled} wins when set. Otherwise hot restart is off inside a test
 * runner (a test that expects an exception must never hang), on when the main class is
 * loaded from a class directory (IDE launch, {@code spring-boot:run}) and off otherwise
 * (a packaged jar).
 *
 * @author hot-restart authors
 */
final class HotRestartActivation {

	static final String ENABLED_PROPERTY = "hot-restart.enabled";

	private static final List<String> TEST_RUNNER_PACKAGES = List.of("org.junit.runners.", "org.junit.platform.",
			"org.springframework.boot.test.", "org.testng.", "io.cucumber.", "cucumber.runtime.",
			"org.spockframework.");

	private HotRestartActivation() {
	}

	static Decision decide(Environment environment, @Nullable Class<?> mainClass, StackTraceElement[] stack) {
		Boolean enabled = environment.getProperty(ENABLED_PROPERTY, Boolean.class);
		if (enabled != null) {
			return new Decision(enabled, ENABLED_PROPERTY + " is " + enabled);
		}
		String testRunner = testRunner(stack);
		if (testRunner != null) {
			return new Decision(false, "the application runs inside a test runner (" + testRunner + "); set "
					+ ENABLED_PROPERTY + "=true to use it in a test");
		}
		if (mainClass == null) {
			return new Decision(false, "the main application class is unknown; set " + ENABLED_PROPERTY + "=true");
		}
		Path classDirectory = classDirectory(mainClass);
		if (classDirectory != null) {
			return new Decision(true, "the application runs from class directory " + classDirectory);
		}
		return new Decision(false, "the application runs from a packaged jar; set " + ENABLED_PROPERTY
				+ "=true to turn it on (for development only)");
	}

	/**
	 * Return the test runner on a stack, if any.
	 * @param stack the stack of the thread starting the application
	 * @return the test runner's package, or {@code null} outside a test runner
	 */
	static @Nullable String testRunner(StackTraceElement[] stack) {
		for (StackTraceElement element : stack) {
			for (String prefix : TEST_RUNNER_PACKAGES) {
				if (element.getClassName().startsWith(prefix)) {
					return prefix.substring(0, prefix.length() - 1);
				}
			}
		}
		return null;
	}

	private static @Nullable Path classDirectory(Class<?> mainClass) {
		try {
			CodeSource codeSource = mainClass.getProtectionDomain().getCodeSource();
			URL location = (codeSource != null) ? codeSource.getLocation() : null;
			if (location == null || !"file".equals(location.getProtocol())) {
				return null;
			}
			Path path = Path.of(location.toURI());
			return Files.isDirectory(path) ? path : null;
		}
		catch (SecurityException | URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Whether hot restart is active, and why.
	 *
	 * @param active whether it is active
	 * @param reason why, in words that can follow "because"
	 */
	record Decision(boolean active, String reason) {

		/**
		 * Return the start-up log line of a web application.
		 * @param consolePath the path of the console when the application has one, or
		 * {@code null}
		 * @return the line
		 */
		String logLine(@Nullable String consolePath) {
			return logLine(DecisionHint.WEB, consolePath);
		}

		/**
		 * Return the start-up log line.
		 * @param hint where the developer decides on parked calls
		 * @param consolePath the path of the console when the application has one, or
		 * {@code null}
		 * @return the line
		 */
		String logLine(DecisionHint hint, @Nullable String consolePath) {
			if (!this.active) {
				return "Hot restart is OFF: " + this.reason;
			}
			return "Hot restart is ON: " + this.reason + ". " + hint.whereParkedCallsAre(consolePath);
		}

	}

}

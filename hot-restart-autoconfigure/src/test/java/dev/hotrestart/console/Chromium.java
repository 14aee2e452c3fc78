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

package dev.hotrestart.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system's headless Chromium, driven through its chromedriver. Both are named
 * explicitly, so Selenium never looks for (or downloads) a browser or a driver of its
 * own. Override the paths with the {@code hot-restart.chromium} and
 * {@code hot-restart.chromedriver} system properties.
 *
 * @author hot-restart authors
 */
final class Chromium {

	static final Path BINARY = Path.of(System.getProperty("hot-restart.chromium", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("hot-restart.chromedriver", "/usr/bin/chromedriver"));

	// Selenium warns that it has no DevTools protocol support for this exact browser
	// version; the tests use WebDriver only. Held here so the settings are not collected.
	private static final List<Logger> QUIET_LOGGERS = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
			Logger.getLogger("org.openqa.selenium.chromium"));

	private Chromium() {
	}

	static final String MISSING = "The console tests need Chromium at " + BINARY + " and chromedriver at " + DRIVER
			+ " (Debian: apt-get install chromium chromium-driver)";

	/**
	 * Return whether the browser is installed. Under CI ({@code CI=true}), where a
	 * missing browser means a broken build machine, fail instead of answering
	 * {@code false}; elsewhere, warn that the browser tests will be skipped.
	 * @return whether the browser and its driver are installed
	 */
	static boolean isInstalled() {
		boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			assertThat(installed).as(MISSING).isTrue();
		}
		if (!installed) {
			System.err.println("WARNING: " + MISSING + "; skipping the browser tests.");
		}
		return installed;
	}

	/**
	 * Start a headless browser with a fresh profile.
	 * @param profile an empty directory for the browser's profile
	 * @return the driver
	 * @throws IOException if the profile directory cannot be created
	 */
	static ChromeDriver start(Path profile) throws IOException {
		QUIET_LOGGERS.forEach((logger) -> logger.setLevel(Level.SEVERE));
		Files.createDirectories(profile);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		// The page's console messages, such as Content Security Policy violations
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

}

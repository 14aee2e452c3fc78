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
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.resume.ParkedCallActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real headless Chromium when saved sources are compiled: the fixture's
 * source is copied into a source directory of its own, saved there as a plain editor
 * saves it, compiled at save and on continue, and a compile error shows with its line.
 *
 * @author hot-restart authors
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hot-restart.enabled=true", "hot-restart.compile-on-continue=true" })
@Timeout(300)
class CompileErrorsConsoleIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final Path SCREENSHOT = Path.of("target", "console-screenshots", "compile-error.png");

	private static final Path PRICE_TABLE_SOURCE = Path.of("src/test/java/dev/hotrestart/console/PriceTable.java");

	private static final String BUG = "return Integer.parseInt(sku.substring(0, sku.indexOf('-')));";

	private static final String FIX_WITHOUT_SEMICOLON = "return Integer.parseInt(sku.substring(sku.indexOf('-') + 1))";

	private static final String FIX = FIX_WITHOUT_SEMICOLON + ";";

	@TempDir
	static Path temporary;

	private static ChromeDriver browser;

	@LocalServerPort
	private int port;

	@Autowired
	private ParkingLot parkingLot;

	@Autowired
	private ParkedCallActions actions;

	@Autowired
	private ClassReloader reloader;

	private final HttpClient http = HttpClient.newHttpClient();

	private Path priceTableClassFile;

	private byte[] originalPriceTable;

	@DynamicPropertySource
	static void sourceDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path copy = temporary.resolve("sources/dev/hotrestart/console/PriceTable.java");
		Files.createDirectories(copy.getParent());
		Files.copy(PRICE_TABLE_SOURCE, copy, StandardCopyOption.COPY_ATTRIBUTES);
		registry.add("hot-restart.source-directories", () -> temporary.resolve("sources").toString());
	}

	@BeforeAll
	static void startBrowser() throws IOException {
		if (Chromium.isInstalled()) {
			browser = Chromium.start(temporary.resolve("profile"));
		}
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void rememberPriceTableAndRequireBrowser() throws IOException, URISyntaxException {
		Path classDirectory = Path.of(PriceTable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		this.priceTableClassFile = classDirectory.resolve(PriceTable.class.getName().replace('.', '/') + ".class");
		this.originalPriceTable = Files.readAllBytes(this.priceTableClassFile);
		assumeTrue(browser != null, Chromium.MISSING);
	}

	@AfterEach
	void restorePriceTable() throws IOException {
		for (ParkedCall call : this.parkingLot.getCalls()) {
			if (call.isWaiting()) {
				this.actions.abort(call.getId());
			}
		}
		if (!Arrays.equals(Files.readAllBytes(this.priceTableClassFile), this.originalPriceTable)) {
			Files.write(this.priceTableClassFile, this.originalPriceTable);
			this.reloader.reloadChangedClasses();
		}
	}

	@Test
	void aSavedSourceThatDoesNotCompileIsShownWithItsLineAtSaveAndOnContinueAndAFixResumes() throws Exception {
		CompletableFuture<HttpResponse<String>> client = this.http.sendAsync(
				HttpRequest.newBuilder(URI.create(url("/prices/E-9?quantity=2"))).build(), BodyHandlers.ofString());
		String id = await().atMost(PATIENCE)
			.until(() -> this.parkingLot.getCalls().stream().map(ParkedCall::getId).findFirst().orElse(null),
					(parked) -> parked != null);
		browser.get(url("/hot-restart"));
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> browser.findElement(By.cssSelector("#failures li[data-id='" + id + "'] .card")),
					WebElement::isDisplayed)
			.click();

		int line = save(FIX_WITHOUT_SEMICOLON);

		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			WebElement notCompiled = details().findElement(By.cssSelector("[data-role=latest-change]"));
			assertThat(notCompiled.getAttribute("data-state")).isEqualTo("compile-failed");
			assertThat(notCompiled.getText()).contains("Does not compile")
				.contains("PriceTable.java:" + line + ":")
				.contains("';' expected")
				.contains(FIX_WITHOUT_SEMICOLON)
				.contains("^");
		});
		saveScreenshot();
		details().findElement(By.cssSelector("[data-action=continue]")).click();
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			String outcome = details().findElement(By.cssSelector("[data-role=outcome]")).getText();
			assertThat(outcome).contains("Does not compile: the call stays parked.")
				.contains("PriceTable.java:" + line + ":")
				.contains(FIX_WITHOUT_SEMICOLON);
		});
		assertThat(this.parkingLot.get(id).isWaiting()).isTrue();
		assertThat(client).isNotDone();

		save(FIX);

		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(
					() -> assertThat(details().findElement(By.cssSelector("[data-role=latest-change]")).getText())
						.contains("Applied at save")
						.contains("PriceTable"));
		details().findElement(By.cssSelector("[data-action=continue]")).click();
		HttpResponse<String> response = client.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.body()).isEqualTo("E-9 x 2 = 18");
	}

	/**
	 * Save the fixture's source with its bug replaced, and return the line of the change.
	 */
	private int save(String fix) throws IOException {
		String buggy = Files.readString(PRICE_TABLE_SOURCE, StandardCharsets.UTF_8);
		assertThat(buggy).as("the fixture's deliberate bug").containsOnlyOnce(BUG);
		String saved = buggy.replace(BUG, fix);
		Files.writeString(temporary.resolve("sources/dev/hotrestart/console/PriceTable.java"), saved,
				StandardCharsets.UTF_8);
		return (int) saved.substring(0, saved.indexOf(fix)).lines().count();
	}

	private void saveScreenshot() throws IOException {
		Files.createDirectories(SCREENSHOT.getParent());
		Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
	}

	private WebElement details() {
		return browser.findElement(By.id("details"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}

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
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.hotrestart.reactiveapp.RunningReactiveTestApplication;
import dev.hotrestart.testapp.AbstractHotRestartServerTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a WebFlux application: served at {@code /hot-restart} as in a servlet
 * one, over plain HTTP and in a real headless Chromium that continues a parked
 * {@code Mono}.
 */
@RunningReactiveTestApplication
@Timeout(120)
class ReactiveConsoleIntegrationTests extends AbstractHotRestartServerTests {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static ChromeDriver browser;

	@TempDir
	static Path temporary;

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

	@Test
	void redirectsToThePageSoThatItsRelativeLinksResolve() {
		HttpResponse<String> response = this.client.get("/hot-restart");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(URI.create("http://localhost:" + this.port + "/").resolve(location).getPath())
					.isEqualTo("/hot-restart/"));
	}

	@Test
	void servesThePageWithTheEndpointsAddressAndItsFiles() {
		HttpResponse<String> page = this.client.get("/hot-restart/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(page.body()).contains("<meta name=\"hot-restart-endpoint\" content=\"../actuator/hotrestart\">");
		for (String file : new String[] { "console.js", "console.css" }) {
			HttpResponse<String> response = this.client.get("/hot-restart/" + file);
			assertThat(response.statusCode()).as(file).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control")).as(file).hasValue("no-cache");
		}
		assertThat(this.client.get("/hot-restart/missing.js").statusCode()).isEqualTo(404);
	}

	@Test
	void continueFromTheBrowserAnswersTheWaitingClient() throws Exception {
		assumeTrue(browser != null, Chromium.MISSING);
		CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/work/console?from=browser");
		String id = this.client.awaitParked(1).get(0).get("id").toString();

		browser.get("http://localhost:" + this.port + "/hot-restart");
		WebElement card = await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> browser.findElement(By.cssSelector("#failures li[data-id='" + id + "'] .card")),
					WebElement::isDisplayed);
		assertThat(card.getText()).contains("ReactiveWork.attempt(String)")
			.contains("IllegalStateException: First attempt of console fails")
			.contains("GET /work/console?from=browser");
		card.click();
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> browser.findElement(By.cssSelector("#details [data-action=continue]")),
					WebElement::isDisplayed)
			.click();

		HttpResponse<String> response = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("done console");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(
					() -> assertThat(browser.findElement(By.cssSelector("#history li[data-id='" + id + "']")).getText())
						.contains("resumed"));
	}

}

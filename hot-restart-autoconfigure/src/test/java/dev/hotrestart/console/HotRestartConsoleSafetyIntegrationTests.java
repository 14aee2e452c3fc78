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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.resume.ParkedCallActions;
import dev.hotrestart.park.ParkingLot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console's defences in a real headless Chromium: a page of another origin cannot
 * frame it, it runs under its own Content Security Policy without a violation, and it
 * shows a call whose client has disconnected.
 *
 * @author hot-restart authors
 */
@Timeout(120)
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hot-restart.enabled=true")
class HotRestartConsoleSafetyIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static ChromeDriver browser;

	@TempDir
	static Path temporary;

	@LocalServerPort
	private int port;

	@Autowired
	private ParkingLot parkingLot;

	@Autowired
	private ParkedCallActions actions;

	private HttpServer otherOrigin;

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
	void requireBrowser() {
		assumeTrue(browser != null, Chromium.MISSING);
	}

	@AfterEach
	void abortParkedCallsAndStopOtherOrigin() {
		for (ParkedCall call : this.parkingLot.getCalls()) {
			if (call.isWaiting()) {
				this.actions.abort(call.getId());
			}
		}
		if (this.otherOrigin != null) {
			this.otherOrigin.stop(0);
		}
	}

	@Test
	void pageOfAnotherLocalOriginCannotFrameTheConsole() throws IOException {
		byte[] page = ("<!doctype html><title>other</title><iframe id=\"console\" src=\"" + url("/hot-restart/")
				+ "\" width=\"800\" height=\"600\"></iframe>")
			.getBytes(StandardCharsets.UTF_8);
		this.otherOrigin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.otherOrigin.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(page);
			}
		});
		this.otherOrigin.start();

		browser.get("http://127.0.0.1:" + this.otherOrigin.getAddress().getPort() + "/");
		browser.switchTo().frame("console");
		try {
			await().atMost(PATIENCE)
				.ignoreExceptions()
				.until(() -> ((JavascriptExecutor) browser)
					.executeScript("return document.readyState + ' ' + document.URL"),
						(state) -> state.toString().startsWith("complete")
								&& !state.toString().endsWith("about:blank"));
			assertThat(browser.findElements(By.id("live"))).as("the console inside the frame").isEmpty();
		}
		finally {
			browser.switchTo().defaultContent();
		}
	}

	@Test
	void consoleRunsUnderItsContentSecurityPolicyWithoutAViolation() {
		browser.manage().logs().get(LogType.BROWSER);
		browser.get(url("/hot-restart/"));
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(
					() -> assertThat(browser.findElement(By.id("live")).getAttribute("data-state")).isEqualTo("live"));
		assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
			.noneSatisfy((message) -> assertThat(message).containsIgnoringCase("Content Security Policy"));
	}

	@Test
	void callWhoseClientDisconnectedIsShownAsGone() throws IOException {
		String id;
		try (Socket client = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			client.getOutputStream()
				.write("GET /prices/G-1?quantity=1 HTTP/1.1\r\nHost: localhost\r\n\r\n"
					.getBytes(StandardCharsets.ISO_8859_1));
			id = await().atMost(PATIENCE)
				.until(() -> this.parkingLot.getCalls()
					.stream()
					.filter((call) -> call.getSite().arguments().contains("G-1"))
					.map(ParkedCall::getId)
					.findFirst()
					.orElse(null), (candidate) -> candidate != null);
		}
		browser.get(url("/hot-restart/"));
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			assertThat(browser.findElement(By.cssSelector("#failures li[data-id='" + id + "'] .card")).getText())
				.contains("client gone");
			browser.findElement(By.cssSelector("#failures li[data-id='" + id + "'] .card")).click();
			assertThat(browser.findElement(By.cssSelector("#details [data-role=client-gone]")).getText())
				.contains("disconnected");
		});
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}

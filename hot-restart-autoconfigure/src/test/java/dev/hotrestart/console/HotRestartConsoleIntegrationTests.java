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
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import com.jayway.jsonpath.JsonPath;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.locals.LocalsInstallation;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassReloader;
import dev.hotrestart.resume.ParkedCallActions;
import dev.hotrestart.testsupport.Javac;
import dev.hotrestart.testsupport.Javac.JavaSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real headless Chromium against a running application: a request parks,
 * the developer sees it, recompiles a fix and continues, or aborts.
 *
 * @author hot-restart authors
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hot-restart.enabled=true")
@Timeout(120)
class HotRestartConsoleIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Path SCREENSHOT = Path.of("target", "console-screenshots", "console.png");

	private static final Path PRICE_TABLE_SOURCE = Path.of("src/test/java/dev/hotrestart/console/PriceTable.java");

	private static final String BUG = "sku.substring(0, sku.indexOf('-'))";

	private static final String FIX = "sku.substring(sku.indexOf('-') + 1)";

	private static final String FIX_WITH_A_NEW_LAMBDA = "java.util.Optional.of(sku).map((each) -> "
			+ "each.substring(each.indexOf('-') + 1)).get()";

	private static ChromeDriver browser;

	@TempDir
	static Path temporary;

	@LocalServerPort
	private int port;

	@Autowired
	private ParkingLot parkingLot;

	@Autowired
	private ParkedCallActions actions;

	@Autowired
	private ClassReloader reloader;

	private final HttpClient http = HttpClient.newHttpClient();

	private Path classDirectory;

	private Path priceTableClassFile;

	private byte[] originalPriceTable;

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
		this.classDirectory = Path.of(PriceTable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		this.priceTableClassFile = this.classDirectory.resolve(PriceTable.class.getName().replace('.', '/') + ".class");
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
	void explainsHowToUseHotRestartWhenNothingIsParked() {
		browser.get(url("/hot-restart"));
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			assertThat(browser.findElement(By.id("live")).getAttribute("data-state")).isEqualTo("live");
			assertThat(browser.findElement(By.id("details")).getText()).contains("Nothing is parked.")
				.contains("@HotRestart")
				.contains("recompile");
		});
	}

	@Test
	void continueAfterARecompiledFixAnswersTheWaitingClient() throws Exception {
		CompletableFuture<HttpResponse<String>> client = get("/prices/A-12?quantity=3");
		String id = awaitParked("A-12");
		browser.get(url("/hot-restart"));
		WebElement card = awaitCard(id);
		assertThat(card.getText()).contains("PriceTable.price(String, int)")
			.contains("IllegalStateException: No valid unit price in SKU 'A-12'")
			.contains("GET /prices/A-12?quantity=3")
			.contains("attempt 1");
		card.click();
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			String details = details().getText();
			assertThat(details).contains("java.lang.IllegalStateException")
				.contains("No valid unit price in SKU 'A-12'")
				.contains("Caused by")
				.contains("java.lang.NumberFormatException")
				.contains("No class file has changed yet.");
			assertThat(details().findElements(By.cssSelector(".frame.app"))).extracting(WebElement::getText)
				.anySatisfy((frame) -> assertThat(frame).contains("PriceTable.price").contains("PriceTable.java:"))
				.anySatisfy((frame) -> assertThat(frame).contains("PriceTable.unitPrice"))
				.anySatisfy((frame) -> assertThat(frame).contains("PriceController.price"))
				.noneSatisfy((frame) -> assertThat(frame).containsAnyOf("org.springframework", "dev.hotrestart.aop",
						"java.lang"));
		});

		compileFixedPriceTable();
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(
					() -> assertThat(details().findElement(By.cssSelector("[data-role=latest-change]")).getText())
						.contains("Applied at save")
						.contains("PriceTable")
						.contains("Continue calls the method again"));
		saveScreenshot();
		assertThat(client).isNotDone();

		details().findElement(By.cssSelector("[data-action=continue]")).click();
		HttpResponse<String> response = client.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("A-12 x 3 = 36");
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			assertThat(browser.findElements(By.cssSelector("#failures li[data-id='" + id + "']"))).isEmpty();
			assertThat(details().findElement(By.cssSelector("[data-role=outcome]")).getText()).contains("Resumed.")
				.contains("Nothing left to reload");
			assertThat(historyEntry(id).getText()).contains("resumed").contains("2 attempts").contains("fixed in");
		});
	}

	@Test
	void showsTheLocalVariablesOfTheFailingFramesFromTheNextAttempt() throws Exception {
		// Recording is JVM-wide: start as an application does before its first park
		LocalsInstallation.switchOff();
		LocalsInstallation.switchOn();
		get("/prices/E-4?quantity=2");
		String id = awaitParked("E-4");
		browser.get(url("/hot-restart"));
		awaitCard(id).click();
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			assertThat(details().findElement(By.cssSelector("[data-role=locals]")).getText())
				.contains("No local variables for this attempt.")
				.contains("Continue without a change to capture them");
			assertThat(details().findElements(By.cssSelector("details.locals"))).isEmpty();
		});
		await().atMost(PATIENCE).until(LocalsInstallation::isActive);

		details().findElement(By.cssSelector("[data-action=continue]")).click();
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			assertThat(details().findElement(By.cssSelector("[data-role=outcome]")).getText())
				.contains("Failed again, now attempt 2");
			assertThat(details().findElements(By.cssSelector("[data-role=locals]"))).isEmpty();
			List<WebElement> locals = details().findElements(By.cssSelector("details.locals"));
			assertThat(locals).extracting((element) -> element.getAttribute("data-frame"))
				.containsExactly("PriceTable.price", "PriceTable.unitPrice");
			assertThat(locals.get(0).getAttribute("open")).as("the first frame's locals unfold").isNotNull();
			assertThat(locals.get(0).getText().lines()).containsSubsequence("3 local variables", "sku", "E-4",
					"quantity", "2", "ex", "java.lang.NumberFormatException: For input string: \"E\"");
			assertThat(locals.get(1).getAttribute("open")).as("the others stay folded").isNull();
			assertThat(locals.get(1).getText()).isEqualTo("1 local variable");
		});
		WebElement cause = details().findElements(By.cssSelector("details.locals")).get(1);
		cause.findElement(By.tagName("summary")).click();
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(
					() -> assertThat(details().findElements(By.cssSelector("details.locals")).get(1).getText().lines())
						.containsSubsequence("1 local variable", "sku", "E-4"));
	}

	@Test
	void aFixTheJvmCannotApplyIsShownAsRefusedTheMomentItIsCompiled() throws Exception {
		CompletableFuture<HttpResponse<String>> client = get("/prices/D-4?quantity=2");
		String id = awaitParked("D-4");
		browser.get(url("/hot-restart"));
		awaitCard(id).click();

		compilePriceTable(FIX_WITH_A_NEW_LAMBDA);

		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			WebElement refused = details().findElement(By.cssSelector("[data-role=latest-change]"));
			assertThat(refused.getAttribute("data-state")).isEqualTo("refused");
			assertThat(refused.getText()).contains("Refused at save")
				.contains("PriceTable")
				.contains("a new lambda adds method lambda$unitPrice$0");
		});
		assertThat(client).isNotDone();
		assertThat(this.parkingLot.get(id).isWaiting()).isTrue();
	}

	@Test
	void abortFromTheKeyboardGivesTheWaitingClientTheOriginalError() throws Exception {
		CompletableFuture<HttpResponse<String>> other = get("/prices/B-5?quantity=1");
		String otherId = awaitParked("B-5");
		CompletableFuture<HttpResponse<String>> client = get("/prices/C-7?quantity=2");
		String id = awaitParked("C-7");
		browser.get(url("/hot-restart"));
		awaitCard(id);
		awaitCard(otherId).click();
		browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(details().getText()).contains("No valid unit price in SKU 'C-7'"));
		browser.switchTo().activeElement().sendKeys("a");
		HttpResponse<String> response = client.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(500);
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			assertThat(browser.findElements(By.cssSelector("#failures li[data-id='" + id + "']"))).isEmpty();
			assertThat(details().findElement(By.cssSelector("[data-role=outcome]")).getText()).contains("Aborted.");
			assertThat(historyEntry(id).getText()).contains("aborted").contains("1 attempt");
		});
		assertThat(browser.findElements(By.cssSelector("#failures li[data-id='" + otherId + "']"))).hasSize(1);
		assertThat(other).isNotDone();
	}

	@Test
	void keysMoveTheSelectionAndContinueAndARetryThatFailsAgainParksAsTheNextAttempt() throws Exception {
		CompletableFuture<HttpResponse<String>> first = get("/prices/G-1?quantity=1");
		String firstId = awaitParked("G-1");
		CompletableFuture<HttpResponse<String>> second = get("/prices/H-2?quantity=1");
		String secondId = awaitParked("H-2");
		browser.get(url("/hot-restart"));
		awaitCard(secondId);
		awaitCard(firstId).click();
		awaitDetails("No valid unit price in SKU 'G-1'");

		press("j");
		awaitDetails("No valid unit price in SKU 'H-2'");
		press("k");
		awaitDetails("No valid unit price in SKU 'G-1'");
		press("C");

		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			assertThat(details().findElement(By.cssSelector("[data-role=outcome]")).getText())
				.contains("Failed again, now attempt 2:")
				.contains("No valid unit price in SKU 'G-1'");
			assertThat(awaitCard(firstId).getText()).contains("attempt 2");
		});
		assertThat(this.parkingLot.get(firstId).getFailure().attempt()).isEqualTo(2);
		assertThat(this.parkingLot.get(secondId).getFailure().attempt()).as("the other call was left alone")
			.isEqualTo(1);
		assertThat(first).isNotDone();
		assertThat(second).isNotDone();
	}

	@Test
	void continueOnAFixTheJvmCannotApplyShowsTheRefusalAndTheCallStaysParked() throws Exception {
		CompletableFuture<HttpResponse<String>> client = get("/prices/J-3?quantity=1");
		String id = awaitParked("J-3");
		browser.get(url("/hot-restart"));
		awaitCard(id).click();
		// Continue checks the change itself, whether or not the watcher, which starts
		// when the call parks, was watching in time to refuse it at save
		compilePriceTable(FIX_WITH_A_NEW_LAMBDA);
		press("c");

		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(details().findElement(By.cssSelector("[data-role=outcome]")).getText())
				.contains("Refused: the call stays parked.")
				.contains("a new lambda adds method lambda$unitPrice$0"));
		assertThat(browser.findElements(By.cssSelector("#failures li[data-id='" + id + "']"))).hasSize(1);
		assertThat(this.parkingLot.get(id).isWaiting()).isTrue();
		assertThat(client).isNotDone();
	}

	@Test
	void continueOnAHalfWrittenClassFileNamesTheFileAndAWholeFileThenResumes() throws Exception {
		CompletableFuture<HttpResponse<String>> client = get("/prices/K-4?quantity=1");
		String id = awaitParked("K-4");
		browser.get(url("/hot-restart"));
		awaitCard(id).click();
		Path fixedClasses = temporary.resolve("fixed-" + id);
		String buggy = Files.readString(PRICE_TABLE_SOURCE, StandardCharsets.UTF_8);
		Javac.withClassPathOfThisJvm()
			.compile(fixedClasses, new JavaSource(PriceTable.class.getName(), buggy.replace(BUG, FIX)));
		byte[] fixed = Files
			.readAllBytes(fixedClasses.resolve(PriceTable.class.getName().replace('.', '/') + ".class"));

		// As a build caught in the middle of writing the class file
		Files.write(this.priceTableClassFile, Arrays.copyOf(fixed, fixed.length / 2));
		details().findElement(By.cssSelector("[data-action=continue]")).click();

		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(details().findElement(By.cssSelector("[data-role=outcome]")).getText())
				.contains("A class file cannot be loaded: the call stays parked.")
				.contains(this.priceTableClassFile.toString())
				.contains("is truncated or corrupt"));
		assertThat(this.parkingLot.get(id).isWaiting()).isTrue();
		assertThat(client).isNotDone();

		Files.write(this.priceTableClassFile, fixed);
		details().findElement(By.cssSelector("[data-action=continue]")).click();
		HttpResponse<String> response = client.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.body()).isEqualTo("K-4 x 1 = 4");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(details().findElement(By.cssSelector("[data-role=outcome]")).getText())
				.contains("Resumed."));
	}

	@Test
	void theOutcomeStaysInViewWhenAPollSeesTheCallLeaveBeforeTheAnswerArrives() throws Exception {
		CompletableFuture<HttpResponse<String>> client = get("/prices/F-2?quantity=1");
		String id = awaitParked("F-2");
		browser.get(url("/hot-restart"));
		awaitCard(id).click();
		// The answers to the console's actions arrive late, as on a busy machine: polls
		// in
		// between see the call gone first
		((JavascriptExecutor) browser).executeScript("""
				const fetchNow = window.fetch;
				window.fetch = (resource, options) => fetchNow(resource, options).then((response) =>
					options && options.method === 'POST'
						? new Promise((resolve) => setTimeout(() => resolve(response), 2500)) : response);
				""");
		details().findElement(By.cssSelector("[data-action=abort]")).click();
		assertThat(client.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(500);
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("#failures li[data-id='" + id + "']")))
				.isEmpty());
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(details().findElement(By.cssSelector("[data-role=outcome]")).getText())
				.contains("Aborted."));
		assertThat(details().findElement(By.cssSelector(".d-method")).getText())
			.isEqualTo("PriceTable.price(String, int)");
	}

	@Test
	void applicationFramesOpenTheirSourceLineInTheChosenIde() throws Exception {
		get("/prices/E-4?quantity=1");
		String id = awaitParked("E-4");
		HttpResponse<String> listing = this.http.send(
				HttpRequest.newBuilder(URI.create(url("/actuator/hotrestart/" + id))).build(), BodyHandlers.ofString());
		Map<String, Object> priceFrame = JsonPath
			.<List<Map<String, Object>>>read(listing.body(),
					"$.exception.frames[?(@.className == '" + PriceTable.class.getName() + "' && @.method == 'price')]")
			.get(0);
		String sourcePath = PRICE_TABLE_SOURCE.toAbsolutePath().normalize().toString();
		assertThat(priceFrame).containsEntry("sourcePath", sourcePath);
		int line = (Integer) priceFrame.get("line");
		By priceLink = By.cssSelector(".frame.app[title='" + PriceTable.class.getName() + ".price'] a.frame-file");

		browser.get(url("/hot-restart"));
		awaitCard(id).click();
		URI intellij = URI.create(await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> details().findElement(priceLink).getAttribute("href"), (href) -> href != null));
		assertThat(intellij.getScheme() + "://" + intellij.getAuthority() + intellij.getPath())
			.isEqualTo("http://localhost:63342/api/file");
		assertThat(intellij.getQuery()).isEqualTo("file=" + sourcePath + "&line=" + line);
		assertThat(details().findElements(By.cssSelector(".frame:not(.app) a"))).as("framework frames have no link")
			.isEmpty();

		new Select(browser.findElement(By.id("ide"))).selectByValue("vscode");
		String vscode = "vscode://file" + sourcePath + ":" + line;
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(details().findElement(priceLink).getAttribute("href")).isEqualTo(vscode));

		browser.navigate().refresh();
		awaitCard(id).click();
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			assertThat(new Select(browser.findElement(By.id("ide"))).getFirstSelectedOption().getAttribute("value"))
				.as("the choice is remembered")
				.isEqualTo("vscode");
			assertThat(details().findElement(priceLink).getAttribute("href")).isEqualTo(vscode);
		});

		new Select(browser.findElement(By.id("ide"))).selectByValue("none");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(details().findElements(By.cssSelector("a.frame-file"))).isEmpty());
		((JavascriptExecutor) browser).executeScript("localStorage.removeItem('hot-restart.ide')");
	}

	private CompletableFuture<HttpResponse<String>> get(String path) {
		return this.http.sendAsync(HttpRequest.newBuilder(URI.create(url(path))).build(), BodyHandlers.ofString());
	}

	private String awaitParked(String sku) {
		return await().atMost(PATIENCE)
			.until(() -> this.parkingLot.getCalls()
				.stream()
				.filter((call) -> call.getSite().arguments().contains(sku))
				.map(ParkedCall::getId)
				.findFirst()
				.orElse(null), (id) -> id != null);
	}

	private WebElement awaitCard(String id) {
		return await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> browser.findElement(By.cssSelector("#failures li[data-id='" + id + "'] .card")),
					WebElement::isDisplayed);
	}

	private void press(String key) {
		browser.switchTo().activeElement().sendKeys(key);
	}

	private void awaitDetails(String text) {
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(details().getText()).contains(text));
	}

	private WebElement details() {
		return browser.findElement(By.id("details"));
	}

	private WebElement historyEntry(String id) {
		return browser.findElement(By.cssSelector("#history li[data-id='" + id + "']"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void compileFixedPriceTable() throws IOException {
		compilePriceTable(FIX);
	}

	private void compilePriceTable(String fix) throws IOException {
		String buggy = Files.readString(PRICE_TABLE_SOURCE, StandardCharsets.UTF_8);
		assertThat(buggy).as("the fixture's deliberate bug").containsOnlyOnce(BUG);
		Javac.withClassPathOfThisJvm()
			.compile(this.classDirectory, new JavaSource(PriceTable.class.getName(), buggy.replace(BUG, fix)));
	}

	private void saveScreenshot() throws IOException {
		Files.createDirectories(SCREENSHOT.getParent());
		Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
	}

}

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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hotrestart.locals.LocalsInstallation;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's page and the endpoint data it relies on, over plain HTTP (no browser).
 *
 * @author hot-restart authors
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hot-restart.enabled=true")
@Timeout(120)
class HotRestartConsolePageIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@Autowired
	private ParkingLot parkingLot;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void redirectsToThePageSoThatItsRelativeLinksResolve() throws Exception {
		HttpResponse<String> response = get("/hot-restart");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(URI.create(url("/")).resolve(location).getPath()).isEqualTo("/hot-restart/"));
	}

	@Test
	void servesThePageWithTheEndpointsAddressAndItsFiles() throws Exception {
		HttpResponse<String> page = get("/hot-restart/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<meta name=\"hot-restart-endpoint\" content=\"../actuator/hotrestart\">")
			.doesNotContainPattern("(src|href)=\"(https?:)?//");
		assertThat(get("/hot-restart/console.js").statusCode()).isEqualTo(200);
		assertThat(get("/hot-restart/console.css").statusCode()).isEqualTo(200);
	}

	@Test
	void endpointListsFramesCausesChangedClassesAndHistory() throws Exception {
		CompletableFuture<HttpResponse<String>> client = this.http.sendAsync(
				HttpRequest.newBuilder(URI.create(url("/prices/D-3?quantity=1"))).build(), BodyHandlers.ofString());
		ParkedCall call = await().atMost(PATIENCE)
			.until(() -> this.parkingLot.getCalls()
				.stream()
				.filter((candidate) -> candidate.getSite().arguments().contains("D-3"))
				.findFirst()
				.orElse(null), (candidate) -> candidate != null);
		DocumentContext listing = JsonPath.parse(get("/actuator/hotrestart").body());
		String failure = "$.failures[?(@.id == '" + call.getId() + "')]";
		assertThat(listing.<List<String>>read(failure + ".exception.message"))
			.containsExactly("No valid unit price in SKU 'D-3'");
		assertThat(listing.<List<String>>read(failure + ".exception.frames[?(@.application == true)].className"))
			.contains(PriceTable.class.getName(), ConsoleTestApplication.PriceController.class.getName());
		assertThat(listing.<List<String>>read(failure + ".exception.causes[*].type"))
			.containsExactly(NumberFormatException.class.getName());
		// Other tests sharing this context recompile PriceTable, so only unchanged
		// classes
		// can be asserted absent
		assertThat(listing.<List<String>>read("$.changedClasses"))
			.doesNotContain(ConsoleTestApplication.PriceController.class.getName());

		HttpResponse<String> abort = this.http
			.send(HttpRequest.newBuilder(URI.create(url("/actuator/hotrestart/" + call.getId() + "/abort")))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), BodyHandlers.ofString());
		assertThat(abort.statusCode()).isEqualTo(200);
		assertThat(client.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(500);
		DocumentContext after = JsonPath.parse(get("/actuator/hotrestart").body());
		String entry = "$.history[?(@.id == '" + call.getId() + "')]";
		assertThat(after.<List<String>>read(entry + ".outcome")).containsExactly("aborted");
		assertThat(after.<List<Integer>>read(entry + ".attempts")).containsExactly(1);
		assertThat(after.<List<String>>read(entry + ".request.uri")).containsExactly("/prices/D-3?quantity=1");
		assertThat(after.<List<String>>read("$.failures[*].id")).doesNotContain(call.getId());
	}

	@Test
	void endpointShowsTheLocalVariablesOfApplicationFramesFromTheNextAttempt() throws Exception {
		// Recording is JVM-wide: start as an application does before its first park
		LocalsInstallation.switchOff();
		LocalsInstallation.switchOn();
		CompletableFuture<HttpResponse<String>> client = this.http.sendAsync(
				HttpRequest.newBuilder(URI.create(url("/prices/F-7?quantity=4"))).build(), BodyHandlers.ofString());
		ParkedCall call = await().atMost(PATIENCE)
			.until(() -> this.parkingLot.getCalls()
				.stream()
				.filter((candidate) -> candidate.getSite().arguments().contains("F-7"))
				.findFirst()
				.orElse(null), (candidate) -> candidate != null);
		String failure = "$.failures[?(@.id == '" + call.getId() + "')]";
		DocumentContext first = JsonPath.parse(get("/actuator/hotrestart").body());
		assertThat(first.<List<String>>read(failure + ".localsCapture")).containsExactly("next-attempt");
		assertThat(first.<List<Object>>read(failure + ".exception.frames[*].locals")).containsOnlyNulls();
		await().atMost(PATIENCE).until(LocalsInstallation::isActive);

		HttpResponse<String> continued = post("/actuator/hotrestart/" + call.getId() + "/continue");
		assertThat(JsonPath.parse(continued.body()).<String>read("$.outcome")).isEqualTo("parked-again");
		DocumentContext second = JsonPath.parse(get("/actuator/hotrestart").body());
		assertThat(second.<List<String>>read(failure + ".localsCapture")).containsExactly("captured");
		String frames = failure + ".exception.frames";
		assertThat(second.<List<Map<String, String>>>read(
				frames + "[?(@.className == '" + PriceTable.class.getName() + "' && @.method == 'price')].locals"))
			.singleElement()
			.satisfies((locals) -> assertThat(locals).containsOnlyKeys("sku", "quantity", "ex")
				.containsEntry("sku", "F-7")
				.containsEntry("quantity", "4"));
		assertThat(second.<List<Object>>read(frames + "[?(@.application == false)].locals"))
			.as("only application frames have locals")
			.isNotEmpty()
			.containsOnlyNulls();
		assertThat(second.<List<Object>>read(frames + "[?(@.method == 'price' && @.className == '"
				+ ConsoleTestApplication.PriceController.class.getName() + "')].locals"))
			.as("the exception has not left the controller: the call is parked inside it")
			.containsOnlyNulls();
		assertThat(second.<List<Map<String, String>>>read(
				failure + ".exception.causes[0].frames[?(@.method == 'unitPrice')].locals"))
			.containsExactly(Map.of("sku", "F-7"));

		assertThat(post("/actuator/hotrestart/" + call.getId() + "/abort").statusCode()).isEqualTo(200);
		assertThat(client.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(500);
	}

	private HttpResponse<String> post(String path) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.noBody()).build(),
				BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}

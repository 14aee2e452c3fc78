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

package dev.hotrestart.park;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.hotrestart.testapp.AbstractHotRestartServerTests;
import dev.hotrestart.testapp.RunningTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for a parked call whose client disconnects: Tomcat can tell, the
 * listing says so, and the call stays parked for the developer to look at.
 */
@Timeout(120)
@RunningTestApplication
class ClientGoneIntegrationTests extends AbstractHotRestartServerTests {

	@Test
	void callWhoseClientDisconnectedIsMarkedAndStaysParked() throws Exception {
		try (Socket gone = request("/work/client-gone"); Socket waiting = request("/work/client-waits")) {
			this.client.awaitParked(2);
			gone.close();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> clientGone("/work/client-gone"), (flags) -> flags.equals(List.of(true)));
			assertThat(clientGone("/work/client-waits")).containsExactly(false);
			assertThat(this.client.failures()).as("both still parked")
				.extracting((failure) -> failure.get("state"))
				.containsExactly("parked", "parked");

			String id = JsonPath
				.<List<String>>read(this.client.get("/actuator/hotrestart").body(),
						"$.failures[?(@.request.uri == '/work/client-waits')].id")
				.get(0);
			assertThat(this.client.post("/actuator/hotrestart/" + id + "/continue").statusCode()).isEqualTo(200);
			waiting.setSoTimeout(30_000);
			String answer = new String(waiting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 200").endsWith("done client-waits");
		}
	}

	private List<Boolean> clientGone(String uri) {
		return JsonPath.read(this.client.get("/actuator/hotrestart").body(),
				"$.failures[?(@.request.uri == '" + uri + "')].clientGone");
	}

	private Socket request(String path) throws Exception {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port);
		OutputStream out = socket.getOutputStream();
		out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		return socket;
	}

}

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

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hotrestart.testapp.AbstractHotRestartServerTests;
import dev.hotrestart.testapp.TestApplication;
import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the share of the parking lot that failures of requests from other
 * hosts may take: with {@code hot-restart.max-parked=4}, two. The other host's requests
 * claim to come from this machine in {@code X-Forwarded-For}, which the server believes
 * (native strategy, every address a trusted proxy): the quota still counts them by the
 * connection's peer.
 */
@Timeout(120)
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hot-restart.enabled=true", "hot-restart.max-parked=4", "server.forward-headers-strategy=native",
				"server.tomcat.remoteip.internal-proxies=.*", "spring.main.banner-mode=off" })
class RemoteParkingQuotaIntegrationTests extends AbstractHotRestartServerTests {

	@Test
	void failuresFromOtherHostsLeaveSlotsForThisMachineAndShowWhereTheyCameFrom() throws Exception {
		InetAddress address = HotRestartClient.requireNonLoopbackAddress();
		HotRestartClient remote = new HotRestartClient(
				URI.create("http://" + address.getHostAddress() + ":" + this.port));
		remote.sendAsync(forged(remote, "/work/remote-1").build());
		remote.sendAsync(forged(remote, "/work/remote-2").build());
		this.client.awaitParked(2);

		HttpResponse<String> third = remote
			.send(forged(remote, "/work/remote-3").timeout(Duration.ofSeconds(20)).build());
		assertThat(third.statusCode()).as("the other host's share is taken: the failure propagates").isEqualTo(500);

		this.client.getAsync("/work/local-1");
		this.client.getAsync("/work/local-2");
		List<Map<String, Object>> failures = this.client.awaitParked(4);
		String listing = this.client.get("/actuator/hotrestart").body();
		for (String key : List.of("remote-1", "remote-2")) {
			assertThat(JsonPath.<List<String>>read(listing,
					"$.failures[?(@.request.uri == '/work/" + key + "')].request.clientAddress"))
				.containsExactly(address.getHostAddress());
			assertThat(JsonPath.<List<Boolean>>read(listing,
					"$.failures[?(@.request.uri == '/work/" + key + "')].request.remote"))
				.containsExactly(true);
		}
		assertThat(
				JsonPath.<List<Boolean>>read(listing, "$.failures[?(@.request.uri == '/work/local-1')].request.remote"))
			.containsExactly(false);
		assertThat(JsonPath.<List<String>>read(listing,
				"$.failures[?(@.request.uri == '/work/local-1')].request.clientAddress"))
			.containsExactly("127.0.0.1");
		assertThat(failures).hasSize(4);
	}

	private static HttpRequest.Builder forged(HotRestartClient remote, String path) {
		return remote.request(path).header("X-Forwarded-For", "127.0.0.1").GET();
	}

}

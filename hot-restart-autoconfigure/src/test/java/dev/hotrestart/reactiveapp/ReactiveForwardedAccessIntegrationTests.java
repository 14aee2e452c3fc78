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

package dev.hotrestart.reactiveapp;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hotrestart.testsupport.HotRestartClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the access rules of a WebFlux application behind forwarded
 * headers, and with a remote-access secret: the address is judged by the connection's
 * real peer, whether Spring ({@code framework}) or Reactor Netty ({@code native})
 * rewrites the remote address from forwarded headers.
 */
@Timeout(120)
class ReactiveForwardedAccessIntegrationTests {

	private static final String SECRET = "s3cret-for-the-vm";

	@ParameterizedTest
	@ValueSource(strings = { "framework", "native" })
	void forwardedHeadersNamingLoopbackDoNotLetAnotherHostIn(String strategy) throws Exception {
		InetAddress address = HotRestartClient.requireNonLoopbackAddress();
		try (ConfigurableApplicationContext context = start("--server.forward-headers-strategy=" + strategy)) {
			HotRestartClient remote = new HotRestartClient(
					URI.create("http://" + address.getHostAddress() + ":" + port(context)));
			HttpResponse<String> spoofed = remote.send(remote.request("/actuator/hotrestart")
				.header("X-Forwarded-For", "127.0.0.1")
				.header("Forwarded", "for=127.0.0.1;host=localhost")
				.GET()
				.build());
			assertThat(spoofed.statusCode()).isEqualTo(403);
			assertThat(HotRestartClient.<String>read(spoofed, "$.error"))
				.contains("came from " + address.getHostAddress());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "framework", "native" })
	void localProxyForwardingAnotherHostIsRefused(String strategy) {
		try (ConfigurableApplicationContext context = start("--server.forward-headers-strategy=" + strategy)) {
			HotRestartClient local = new HotRestartClient(port(context));
			HttpResponse<String> forwarded = local
				.send(local.request("/actuator/hotrestart").header("X-Forwarded-For", "203.0.113.9").GET().build());
			assertThat(forwarded.statusCode()).isEqualTo(403);
			assertThat(HotRestartClient.<String>read(forwarded, "$.error")).contains("came from 203.0.113.9");
			assertThat(local.get("/actuator/hotrestart").statusCode()).as("unforwarded").isEqualTo(200);
		}
	}

	@Test
	void otherHostWithTheSecretMayReachTheEndpointAndWithoutItMayNot() throws Exception {
		InetAddress address = HotRestartClient.requireNonLoopbackAddress();
		try (ConfigurableApplicationContext context = start("--hot-restart.remote.secret=" + SECRET)) {
			HotRestartClient remote = new HotRestartClient(
					URI.create("http://" + address.getHostAddress() + ":" + port(context)));
			assertThat(remote.get("/actuator/hotrestart").statusCode()).isEqualTo(403);
			assertThat(remote
				.send(remote.request("/actuator/hotrestart").header("X-Hot-Restart-Secret", "wrong").GET().build())
				.statusCode()).isEqualTo(403);
			assertThat(remote
				.send(remote.request("/actuator/hotrestart").header("X-Hot-Restart-Secret", SECRET).GET().build())
				.statusCode()).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "framework", "native" })
	void parkedCallOfAForwardedRequestCountsAsAnotherHostsAndTakesOnlyTheirShare(String strategy) {
		try (ConfigurableApplicationContext context = start("--server.forward-headers-strategy=" + strategy,
				"--hot-restart.max-parked=3", "--hot-restart.remote.max-parked=1")) {
			HotRestartClient local = new HotRestartClient(port(context));
			CompletableFuture<HttpResponse<String>> forwarded = local
				.sendAsync(local.request("/work/forwarded").header("X-Forwarded-For", "203.0.113.9").GET().build());
			Map<String, Object> parked = local.awaitParked(1).get(0);
			assertThat(parked.get("request")).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("clientAddress", "203.0.113.9")
				.containsEntry("remote", true);
			CompletableFuture<HttpResponse<String>> own = local.getAsync("/work/own");
			assertThat(local.awaitParked(2)).extracting((call) -> call.get("request"))
				.asInstanceOf(InstanceOfAssertFactories.LIST)
				.anySatisfy((request) -> assertThat(request).asInstanceOf(InstanceOfAssertFactories.MAP)
					.containsEntry("remote", false));
			HttpResponse<String> secondRemote = local
				.send(local.request("/work/forwarded-too").header("X-Forwarded-For", "203.0.113.10").GET().build());
			assertThat(secondRemote.statusCode()).as("beyond the remote share, with a slot free: fails at once")
				.isEqualTo(500);
			assertThat(local.failures()).hasSize(2);
			local.abortAll();
			assertThat(HotRestartClient.join(forwarded).statusCode()).isEqualTo(500);
			assertThat(HotRestartClient.join(own).statusCode()).isEqualTo(500);
		}
	}

	@Test
	void wrongSecretsInARowLockTheClientOutWithRetryAfter() {
		try (ConfigurableApplicationContext context = start("--hot-restart.remote.secret=" + SECRET,
				"--hot-restart.remote.max-failures=2")) {
			HotRestartClient local = new HotRestartClient(port(context));
			for (int i = 0; i < 2; i++) {
				assertThat(local.send(
						local.request("/actuator/hotrestart").header("X-Hot-Restart-Secret", "guess" + i).GET().build())
					.statusCode()).isEqualTo(403);
			}
			HttpResponse<String> locked = local
				.send(local.request("/actuator/hotrestart").header("X-Hot-Restart-Secret", SECRET).GET().build());
			assertThat(locked.statusCode()).isEqualTo(429);
			assertThat(locked.headers().firstValue("Retry-After"))
				.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
			assertThat(HotRestartClient.<String>read(locked, "$.error")).contains("Too many requests", "Retry-After");
			assertThat(local.get("/actuator/hotrestart").statusCode()).as("without a secret, this machine still passes")
				.isEqualTo(200);
		}
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		return new SpringApplicationBuilder(ReactiveTestApplication.class)
			.properties("spring.main.web-application-type=reactive", "hot-restart.enabled=true", "server.port=0",
					"spring.main.banner-mode=off")
			.run(arguments);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}

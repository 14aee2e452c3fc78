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

package dev.hotrestart.security;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.hotrestart.testapp.AbstractHotRestartServerTests;
import dev.hotrestart.testapp.TestApplication;
import dev.hotrestart.testsupport.HotRestartClient;
import dev.hotrestart.testsupport.HotRestartClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests with Spring Security: its rules apply on top of hot restart's, and
 * the {@code SecurityFilterChain} the README shows lets the endpoint and the console
 * through.
 */
@Timeout(120)
class SpringSecurityIntegrationTests {

	@Nested
	@SpringBootTest(classes = SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "hot-restart.enabled=true", "spring.main.banner-mode=off" })
	class WithDefaultSecurity {

		@LocalServerPort
		private int port;

		@Test
		void endpointNeedsAuthentication() {
			HotRestartClient client = new HotRestartClient(this.port);
			assertThat(client.get("/actuator/hotrestart").statusCode()).isEqualTo(401);
		}

		@Test
		void hotRestartRefusesARequestBeforeSpringSecurityAsksForCredentials() throws Exception {
			// Without credentials, Spring Security would answer 401: hot restart's 403
			// and
			// its reason show that its rules ran first
			RawResponse rebinding = HotRestartClient.sendRaw(this.port,
					"GET /actuator/hotrestart HTTP/1.1\r\nHost: evil.example");
			assertThat(rebinding.status()).isEqualTo(403);
			assertThat(rebinding.body()).contains("DNS rebinding");

			HotRestartClient client = new HotRestartClient(this.port);
			HttpResponse<String> crossSite = client.send(client.request("/actuator/hotrestart/unknown/abort")
				.header("Origin", "http://evil.example")
				.POST(BodyPublishers.noBody())
				.build());
			assertThat(crossSite.statusCode()).isEqualTo(403);
			assertThat(HotRestartClient.<String>read(crossSite, "$.error")).contains("another site");
		}

	}

	@Nested
	@SpringBootTest(classes = PermittingApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "hot-restart.enabled=true", "spring.main.banner-mode=off" })
	class WithTheReadmeSecurityFilterChain extends AbstractHotRestartServerTests {

		@Test
		void endpointIsPermittedAndHotRestartRulesStillApply() {
			CompletableFuture<HttpResponse<String>> waiting = this.client.getAsync("/work/secured");
			String id = this.client.awaitParked(1).get(0).get("id").toString();
			HttpResponse<String> crossSite = this.client
				.send(this.client.request("/actuator/hotrestart/" + id + "/abort")
					.header("Origin", "http://evil.example")
					.POST(BodyPublishers.noBody())
					.build());
			assertThat(crossSite.statusCode()).isEqualTo(403);
			assertThat(HotRestartClient.<String>read(crossSite, "$.error")).contains("another site");

			HttpResponse<String> continued = this.client
				.send(this.client.request("/actuator/hotrestart/" + id + "/continue")
					.header("Origin", "http://localhost:" + this.port)
					.POST(BodyPublishers.noBody())
					.build());
			assertThat(continued.statusCode()).isEqualTo(200);
			assertThat(waiting.join().body()).isEqualTo("done secured");
			assertThat(this.client.get("/actuator/health").statusCode()).as("everything else stays secured")
				.isEqualTo(401);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ TestApplication.Work.class, WorkController.class })
	static class SecuredApplication {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ TestApplication.Work.class, WorkController.class })
	static class PermittingApplication {

		// The snippet of the README's "Safety" section
		@Bean
		@Order(0)
		SecurityFilterChain hotRestartSecurityFilterChain(HttpSecurity http) throws Exception {
			http.securityMatcher("/actuator/hotrestart/**", "/hot-restart/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.disable());
			return http.build();
		}

		// The application's own rules
		@Bean
		@Order(1)
		SecurityFilterChain applicationSecurityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/work/**").permitAll().anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	@org.springframework.web.bind.annotation.RestController
	static class WorkController {

		private final TestApplication.Work work;

		WorkController(TestApplication.Work work) {
			this.work = work;
		}

		@org.springframework.web.bind.annotation.GetMapping("/work/{key}")
		String work(@org.springframework.web.bind.annotation.PathVariable String key) {
			return this.work.attempt(key);
		}

	}

}

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

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hotrestart.testsupport.HotRestartClient;
import dev.hotrestart.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code hotrestart} endpoint answers a WebFlux application's requests with the same
 * statuses and the same JSON shapes as a servlet application's: the same sequence of
 * requests against both, compared answer by answer (keys and value types, not values).
 */
@Timeout(180)
class EndpointParityIntegrationTests {

	private ConfigurableApplicationContext servlet;

	private ConfigurableApplicationContext reactive;

	@BeforeEach
	void startBoth() {
		this.servlet = start(TestApplication.class, "servlet");
		this.reactive = start(ReactiveTestApplication.class, "reactive");
	}

	@AfterEach
	void stopBoth() {
		for (ConfigurableApplicationContext context : List.of(this.servlet, this.reactive)) {
			new HotRestartClient(port(context)).abortAll();
			context.close();
		}
	}

	@Test
	void everyOperationAnswersAlikeInServletAndWebFluxApplications() throws Exception {
		List<Answer> servletAnswers = exercise(new HotRestartClient(port(this.servlet)));
		List<Answer> reactiveAnswers = exercise(new HotRestartClient(port(this.reactive)));

		assertThat(reactiveAnswers).hasSameSizeAs(servletAnswers);
		for (int i = 0; i < servletAnswers.size(); i++) {
			assertThat(reactiveAnswers.get(i)).as(servletAnswers.get(i).request()).isEqualTo(servletAnswers.get(i));
		}
	}

	private static List<Answer> exercise(HotRestartClient client) throws Exception {
		List<Answer> answers = new ArrayList<>();
		CompletableFuture<HttpResponse<String>> first = client.getAsync("/work/parity-1");
		CompletableFuture<HttpResponse<String>> second = client.getAsync("/work/parity-2");
		List<Map<String, Object>> parked = client.awaitParked(2);
		String one = idOf(parked, "parity-1");
		String two = idOf(parked, "parity-2");
		answers.add(Answer.of("GET list", client.get("/actuator/hotrestart")));
		answers.add(Answer.of("GET one", client.get("/actuator/hotrestart/" + one)));
		answers.add(Answer.of("GET unknown", client.get("/actuator/hotrestart/999")));
		answers.add(Answer.of("GET settings", client.get("/actuator/hotrestart/settings")));
		answers.add(Answer.of("POST unknown action", client.post("/actuator/hotrestart/" + one + "/retry")));
		answers.add(Answer.of("POST continue unknown", client.post("/actuator/hotrestart/999/continue")));
		answers.add(Answer.of("POST continue", client.post("/actuator/hotrestart/" + one + "/continue")));
		answers.add(Answer.of("POST continue again", client.post("/actuator/hotrestart/" + one + "/continue")));
		answers.add(Answer.of("POST abort", client.post("/actuator/hotrestart/" + two + "/abort")));
		answers.add(Answer.of("POST abort again", client.post("/actuator/hotrestart/" + two + "/abort")));
		answers.add(Answer.of("POST auto-continue", client.post("/actuator/hotrestart/auto-continue/off")));
		answers.add(Answer.of("POST unknown command", client.post("/actuator/hotrestart/reboot")));
		answers.add(Answer.of("GET list after", client.get("/actuator/hotrestart")));
		answers.add(new Answer("continued client", first.get(10, TimeUnit.SECONDS).statusCode(),
				"done parity-1".equals(first.get().body()) ? "the result" : first.get().body()));
		answers.add(new Answer("aborted client", second.get(10, TimeUnit.SECONDS).statusCode(), "an error"));
		return answers;
	}

	private static String idOf(List<Map<String, Object>> parked, String key) {
		return parked.stream()
			.filter((failure) -> List.of(key).equals(failure.get("arguments")))
			.map((failure) -> failure.get("id").toString())
			.findFirst()
			.orElseThrow();
	}

	private static ConfigurableApplicationContext start(Class<?> application, String type) {
		return new SpringApplicationBuilder(application)
			.properties("spring.main.web-application-type=" + type, "hot-restart.enabled=true", "server.port=0",
					"spring.main.banner-mode=off", "hot-restart.continue-wait=5s")
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * An answer, reduced to what must be the same: its status, and the shape of its JSON
	 * body.
	 *
	 * @param request what was asked
	 * @param status the status code
	 * @param shape the body's keys and value types
	 */
	record Answer(String request, int status, Object shape) {

		static Answer of(String request, HttpResponse<String> response) {
			return new Answer(request, response.statusCode(), shape(JsonPath.parse(response.body()).json()));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Answer answer && this.status == answer.status && this.shape.equals(answer.shape);
		}

		@Override
		public int hashCode() {
			return this.status;
		}

		private static Object shape(Object json) {
			if (json instanceof Map<?, ?> map) {
				Map<String, Object> shape = new TreeMap<>();
				map.forEach((key, value) -> shape.put(key.toString(), shape(value)));
				return shape;
			}
			if (json instanceof List<?> list) {
				return list.isEmpty() ? List.of() : List.of(shape(list.get(0)));
			}
			return (json != null) ? json.getClass().getSimpleName() : "null";
		}

	}

}

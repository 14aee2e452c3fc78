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

package dev.hotrestart.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real HTTP client of an application under test: its own API and the {@code hotrestart}
 * endpoint. Requests go over HTTP/1.1 to {@code localhost}.
 *
 * <p>
 * Thread-safe: a test may wait on a parked request on one thread while it sends others.
 */
public final class HotRestartClient {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Supplier<URI> base;

	private final Supplier<String> serverOutput;

	/**
	 * Create a client of a server on {@code localhost}.
	 * @param port the server's port
	 */
	public HotRestartClient(int port) {
		this(URI.create("http://localhost:" + port));
	}

	/**
	 * Create a client of a server at a fixed address.
	 * @param base the scheme, host and port, such as {@code http://localhost:8080}
	 */
	public HotRestartClient(URI base) {
		this(() -> base, () -> "");
	}

	/**
	 * Create a client of a server whose address may change while it runs (a DevTools
	 * restart serves on a new random port).
	 * @param base supplies the current scheme, host and port
	 * @param serverOutput supplies the server's output so far, for failure messages
	 */
	public HotRestartClient(Supplier<URI> base, Supplier<String> serverOutput) {
		this.base = base;
		this.serverOutput = serverOutput;
	}

	public URI uri(String path) {
		return URI.create(this.base.get() + path);
	}

	/**
	 * Start a request to the server; a request that parks waits up to 60 seconds.
	 * @param path the path and query
	 * @return the request builder
	 */
	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
	}

	public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
		return this.http.sendAsync(request, BodyHandlers.ofString());
	}

	public CompletableFuture<HttpResponse<String>> getAsync(String path) {
		return sendAsync(request(path).GET().build());
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			// A server in this JVM that does not answer: its threads say where it waits
			throw new IllegalStateException(request.method() + " " + request.uri() + " got no answer; threads of "
					+ "this JVM:\n" + threadDump(), ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String threadDump() {
		StringBuilder dump = new StringBuilder();
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
			if (thread.getLockName() != null) {
				dump.append(" on ").append(thread.getLockName());
			}
			if (thread.getLockOwnerName() != null) {
				dump.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
			}
			dump.append('\n');
			for (StackTraceElement frame : thread.getStackTrace()) {
				dump.append("\tat ").append(frame).append('\n');
			}
		}
		return dump.toString();
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	/**
	 * Send a GET that must be answered at once, not parked: it times out after 10
	 * seconds, where a parked call would wait for {@code hot-restart.park-timeout}.
	 */
	public HttpResponse<String> getPromptly(String path) {
		return send(request(path).timeout(Duration.ofSeconds(10)).GET().build());
	}

	public HttpResponse<String> post(String path) {
		return send(request(path).POST(BodyPublishers.noBody()).build());
	}

	/**
	 * Return the parked failures the endpoint lists.
	 */
	public List<Map<String, Object>> failures() {
		HttpResponse<String> response = get("/actuator/hotrestart");
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET /actuator/hotrestart answered " + response.statusCode() + ": "
					+ response.body() + serverOutput());
		}
		return JsonPath.read(response.body(), "$.failures");
	}

	/**
	 * Wait until {@code count} calls are parked and waiting, and return the failures.
	 */
	public List<Map<String, Object>> awaitParked(int count) {
		return await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(20))
			.until(this::failures, (failures) -> failures.size() == count
					&& failures.stream().allMatch((failure) -> "parked".equals(failure.get("state"))));
	}

	/**
	 * Wait until the failure with the given id is parked at the given attempt, and return
	 * it.
	 */
	public Map<String, Object> awaitAttempt(String id, int attempt) {
		return await().atMost(PATIENCE)
			.until(() -> failures().stream().filter((failure) -> id.equals(failure.get("id"))).findFirst().orElse(null),
					(failure) -> failure != null && Integer.valueOf(attempt).equals(failure.get("attempt"))
							&& "parked".equals(failure.get("state")));
	}

	/**
	 * Wait until the endpoint lists the latest build with the given state (such as
	 * {@code applied}) and return it.
	 */
	public Map<String, Object> awaitLatestChange(String state) {
		return await().atMost(PATIENCE)
			.until(() -> JsonPath.<Map<String, Object>>read(get("/actuator/hotrestart").body(), "$.latestChange"),
					(change) -> change != null && state.equals(change.get("state")));
	}

	/**
	 * Abort every parked call and wait until none is left.
	 */
	public void abortAll() {
		await().atMost(PATIENCE).until(() -> {
			for (Map<String, Object> failure : failures()) {
				post("/actuator/hotrestart/" + failure.get("id") + "/abort");
			}
			return failures().isEmpty();
		});
	}

	private String serverOutput() {
		String output = this.serverOutput.get();
		return output.isEmpty() ? "" : "\nServer output:\n" + output;
	}

	public static <T> T read(HttpResponse<String> response, String path) {
		return JsonPath.read(response.body(), path);
	}

	/**
	 * Wait up to 30 seconds for the answer to a request sent earlier, typically one that
	 * was parked.
	 * @param response the pending response
	 * @return the response
	 * @throws IllegalStateException if no answer came
	 */
	public static HttpResponse<String> join(CompletableFuture<HttpResponse<String>> response) {
		try {
			return response.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("No answer for the waiting client", ex);
		}
	}

	/**
	 * Send a raw HTTP/1.1 request over a socket to {@code 127.0.0.1}, for headers the JDK
	 * client will not set (such as {@code Host}).
	 * @param port the server port
	 * @param requestHead the request line and headers, without the blank line
	 * @return the status code, the headers and the body
	 */
	public static RawResponse sendRaw(int port, String requestHead) throws IOException {
		return sendRaw(InetAddress.getLoopbackAddress(), port, requestHead);
	}

	/**
	 * Send a raw HTTP/1.1 request over a socket to {@code address}: the server sees it
	 * come from that address when it is one of this machine's own.
	 * @param address the address to connect to
	 * @param port the server port
	 * @param requestHead the request line and headers, without the blank line
	 * @return the status code, the headers and the body
	 */
	public static RawResponse sendRaw(InetAddress address, int port, String requestHead) throws IOException {
		try (Socket socket = new Socket(address, port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestHead + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(response.substring(9, 12));
			int bodyStart = response.indexOf("\r\n\r\n");
			Map<String, List<String>> headers = new LinkedHashMap<>();
			String head = (bodyStart >= 0) ? response.substring(0, bodyStart) : response;
			for (String line : head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					headers
						.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
								(name) -> new ArrayList<>())
						.add(line.substring(colon + 1).trim());
				}
			}
			return new RawResponse(status, (bodyStart >= 0) ? response.substring(bodyStart + 4) : "", headers);
		}
	}

	/**
	 * Return an IPv4 address of this machine that is not a loopback address, for a test
	 * that needs a request from another host. Without one, the test fails under CI
	 * ({@code CI=true}), where it must not pass unexercised, and is skipped with the
	 * reason elsewhere.
	 * @return the address
	 */
	public static InetAddress requireNonLoopbackAddress() throws SocketException {
		InetAddress address = nonLoopbackAddress();
		String missing = "This machine has no non-loopback IPv4 address to send a request from";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			assertThat(address).as(missing + " (required under CI)").isNotNull();
		}
		assumeTrue(address != null, missing);
		return address;
	}

	/**
	 * Return an IPv4 address of this machine that is not a loopback address, if it has
	 * one: a request to it comes from that address, so the server sees a non-loopback
	 * remote address without a second machine.
	 */
	public static @Nullable InetAddress nonLoopbackAddress() throws SocketException {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!network.isUp() || network.isLoopback()) {
				continue;
			}
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				if (address.getAddress().length == 4 && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
					return address;
				}
			}
		}
		return null;
	}

	/**
	 * The answer to a raw request.
	 *
	 * @param status the status code
	 * @param body the body, possibly chunked
	 * @param headers the headers by lower-case name
	 */
	public record RawResponse(int status, String body, Map<String, List<String>> headers) {

		/**
		 * Return the values of a header.
		 * @param name the header name, in any case
		 * @return the values, empty when there are none
		 */
		public List<String> header(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

	}

}

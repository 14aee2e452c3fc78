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

package dev.hotrestart.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The client addresses that forwarded headers name: {@code Forwarded} ({@code for=}, RFC
 * 7239), {@code X-Forwarded-For} and {@code X-Real-IP}. Whoever sends a request can write
 * them, so they never prove anything; they only tell that a request passed a proxy, and
 * for whom that proxy says it forwards. Ports and brackets are stripped; values that are
 * no address (such as {@code unknown}) are kept as they are. Thread-safe.
 *
 * @author hot-restart authors
 */
public final class ForwardedFor {

	/**
	 * The names of the headers that name forwarded clients.
	 */
	public static final List<String> HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

	private static final int MAX_ADDRESSES = 64;

	private ForwardedFor() {
	}

	/**
	 * Return the addresses named by the forwarded headers of a request, in the order of
	 * the headers' values, the proxy nearest to the server last.
	 * @param headers the values of a request header by name, empty when it is absent
	 * @return the addresses, empty when the request names no forwarded client
	 */
	public static List<String> addresses(Function<String, List<String>> headers) {
		List<String> addresses = new ArrayList<>();
		for (String value : headers.apply(HEADERS.get(0))) {
			for (String element : value.split(",")) {
				for (String pair : element.split(";")) {
					int equals = pair.indexOf('=');
					if (equals > 0 && pair.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("for")) {
						add(addresses, unquote(pair.substring(equals + 1).trim()));
					}
				}
			}
		}
		for (String value : headers.apply(HEADERS.get(1))) {
			for (String node : value.split(",")) {
				add(addresses, node.trim());
			}
		}
		for (String value : headers.apply(HEADERS.get(2))) {
			add(addresses, value.trim());
		}
		return addresses;
	}

	private static void add(List<String> addresses, String node) {
		// A flood of values must not cost more than a few
		if (!node.isEmpty() && addresses.size() < MAX_ADDRESSES) {
			addresses.add(withoutPort(node));
		}
	}

	private static String unquote(String value) {
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

	private static String withoutPort(String node) {
		if (node.startsWith("[")) {
			int end = node.indexOf(']');
			return (end > 0) ? node.substring(1, end) : node;
		}
		int colon = node.indexOf(':');
		// One colon: an IPv4 address or a name with a port; more: an IPv6 address
		return (colon >= 0 && colon == node.lastIndexOf(':')) ? node.substring(0, colon) : node;
	}

}

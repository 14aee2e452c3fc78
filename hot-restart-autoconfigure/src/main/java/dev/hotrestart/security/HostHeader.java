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

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The host and port of a {@code Host} header or of an {@code Origin}.
 *
 * @param host the host in lower case, IPv6 literals in brackets
 * @param port the port, or -1 when none is given
 * @author hot-restart authors
 */
record HostHeader(String host, int port) {

	/**
	 * Parse a {@code Host} header value, {@code host[:port]}.
	 * @param value the header value
	 * @return the host and port, or {@code null} if the value is malformed
	 */
	static @Nullable HostHeader parse(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		String host = value;
		String port = null;
		if (value.startsWith("[")) {
			int end = value.indexOf(']');
			if (end < 0) {
				return null;
			}
			host = value.substring(0, end + 1);
			String rest = value.substring(end + 1);
			if (!rest.isEmpty()) {
				if (!rest.startsWith(":")) {
					return null;
				}
				port = rest.substring(1);
			}
		}
		else {
			int colon = value.indexOf(':');
			if (colon >= 0) {
				host = value.substring(0, colon);
				port = value.substring(colon + 1);
			}
		}
		if (host.isEmpty()) {
			return null;
		}
		if (port == null) {
			return new HostHeader(host.toLowerCase(Locale.ROOT), -1);
		}
		if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return new HostHeader(host.toLowerCase(Locale.ROOT), Integer.parseInt(port));
	}

	/**
	 * Return the port, or the default port of the scheme when none is given.
	 * @param scheme {@code http} or {@code https}
	 * @return the effective port
	 */
	int portOr(String scheme) {
		if (this.port != -1) {
			return this.port;
		}
		return "https".equalsIgnoreCase(scheme) ? 443 : 80;
	}

}

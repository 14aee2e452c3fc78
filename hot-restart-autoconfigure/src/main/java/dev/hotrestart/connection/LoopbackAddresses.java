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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Recognises loopback addresses and host names without ever asking DNS: only IP literals
 * are parsed, and only {@code localhost} and names under {@code .localhost} count as
 * loopback names. Thread-safe.
 *
 * @author hot-restart authors
 */
public final class LoopbackAddresses {

	private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[\\w.-]+)?");

	private LoopbackAddresses() {
	}

	/**
	 * Return whether an IP address literal (as a servlet container reports the remote
	 * address) is a loopback address.
	 * @param address the address literal
	 * @return {@code true} for 127.0.0.0/8 and ::1
	 */
	public static boolean isLoopbackAddress(@Nullable String address) {
		if (address == null) {
			return false;
		}
		if (IPV4_LITERAL.matcher(address).matches()) {
			return isLoopbackIpv4(address);
		}
		if (!IPV6_LITERAL.matcher(address).matches()) {
			return false;
		}
		try {
			// In brackets, a malformed literal fails instead of falling back to a name
			// service lookup
			return InetAddress.getByName("[" + address + "]").isLoopbackAddress();
		}
		catch (UnknownHostException | SecurityException ex) {
			return false;
		}
	}

	private static boolean isLoopbackIpv4(String address) {
		String[] octets = address.split("\\.");
		for (String octet : octets) {
			if (Integer.parseInt(octet) > 255) {
				return false;
			}
		}
		return Integer.parseInt(octets[0]) == 127;
	}

	/**
	 * Return whether a host name or address literal, as in a {@code Host} header without
	 * its port, names this machine's loopback interface.
	 * @param host the host, IPv6 literals in brackets
	 * @return {@code true} for {@code localhost}, {@code *.localhost}, 127.0.0.0/8 and
	 * {@code [::1]}
	 */
	public static boolean isLoopbackHost(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		if (name.startsWith("[") && name.endsWith("]")) {
			return isLoopbackAddress(name.substring(1, name.length() - 1));
		}
		return IPV4_LITERAL.matcher(name).matches() && isLoopbackAddress(name);
	}

}

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

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Decides whether a request may reach the endpoint or the console.
 * <ul>
 * <li>It must come from the loopback interface, or carry the shared secret
 * ({@code hot-restart.remote.secret}) in the {@value #SECRET_HEADER} header, compared in
 * constant time. Without a configured secret, other hosts are always refused.</li>
 * <li>Unless it carries the secret, its {@code Host} header must name a loopback host
 * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}): a page whose name was rebound to
 * 127.0.0.1 (DNS rebinding) sends its own name.</li>
 * <li>A state-changing request (any method but GET, HEAD, OPTIONS and TRACE) with an
 * {@code Origin} must come from the same origin as the request itself: a page of another
 * site in the developer's browser cannot continue or abort anything.</li>
 * </ul>
 * The rules see a request through {@link AccessRequest}, so that the same decisions hold
 * on every web stack. Immutable and thread-safe.
 *
 * @author hot-restart authors
 */
public final class AccessRules {

	/**
	 * The header that carries the shared secret for remote access.
	 */
	public static final String SECRET_HEADER = "X-Hot-Restart-Secret";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final byte @Nullable [] secretDigest;

	/**
	 * Create the rules.
	 * @param secret the shared secret for remote access, or {@code null} (or blank) to
	 * refuse every other host
	 */
	public AccessRules(@Nullable String secret) {
		this.secretDigest = StringUtils.hasText(secret) ? digest(secret) : null;
	}

	/**
	 * Check a request.
	 * @param request the request
	 * @return why it is refused and what to do, or {@code null} if it may pass
	 */
	public @Nullable String refusal(AccessRequest request) {
		String secret = request.getHeader(SECRET_HEADER);
		boolean authenticated = false;
		if (secret != null) {
			if (this.secretDigest == null) {
				return "This request carries the " + SECRET_HEADER
						+ " header, but hot-restart.remote.secret is not set, so remote access is off. "
						+ "Set hot-restart.remote.secret on the application to allow it.";
			}
			if (!MessageDigest.isEqual(this.secretDigest, digest(secret))) {
				return "The " + SECRET_HEADER + " header does not match hot-restart.remote.secret. "
						+ "Send the value the application is configured with.";
			}
			authenticated = true;
		}
		if (!authenticated) {
			String refusal = localRefusal(request);
			if (refusal != null) {
				return refusal;
			}
		}
		return crossSiteRefusal(request);
	}

	private @Nullable String localRefusal(AccessRequest request) {
		String remoteAddress = request.getRemoteAddr();
		if (!LoopbackAddresses.isLoopbackAddress(remoteAddress)) {
			return "Hot restart answers only requests from this machine (the loopback interface); this one came from "
					+ remoteAddress + ". "
					+ ((this.secretDigest != null)
							? "From another host, send the value of hot-restart.remote.secret in the " + SECRET_HEADER
									+ " header."
							: "To reach it from another host (an application in a container or VM), set "
									+ "hot-restart.remote.secret and send it in the " + SECRET_HEADER + " header.");
		}
		String hostHeader = request.getHeader("Host");
		HostHeader host = HostHeader.parse(hostHeader);
		if (host == null || !LoopbackAddresses.isLoopbackHost(host.host())) {
			return "Hot restart answers only requests addressed to a loopback host (localhost, 127.0.0.1, [::1]); "
					+ "this one names " + ((hostHeader != null) ? "'" + abbreviate(hostHeader) + "'" : "no host")
					+ ", as a page whose name was rebound to this machine would (DNS rebinding). "
					+ "Use http://localhost:" + request.getLocalPort() + ", or set hot-restart.remote.secret "
					+ "and send it in the " + SECRET_HEADER + " header.";
		}
		return null;
	}

	private @Nullable String crossSiteRefusal(AccessRequest request) {
		String origin = request.getHeader("Origin");
		if (origin == null || SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
			return null;
		}
		String own = ownOrigin(request);
		if (own != null && sameOrigin(origin, request.getScheme(), HostHeader.parse(request.getHeader("Host")))) {
			return null;
		}
		return "Hot restart refuses state-changing requests from another site: Origin '" + abbreviate(origin)
				+ "' is not " + ((own != null) ? "'" + own + "'" : "this application's origin")
				+ ". Continue and abort from the console or from a tool on this machine (curl sends no Origin).";
	}

	private static @Nullable String ownOrigin(AccessRequest request) {
		HostHeader host = HostHeader.parse(request.getHeader("Host"));
		if (host == null) {
			return null;
		}
		return request.getScheme() + "://" + host.host() + ((host.port() != -1) ? ":" + host.port() : "");
	}

	private static boolean sameOrigin(String origin, String scheme, @Nullable HostHeader host) {
		if (host == null) {
			return false;
		}
		try {
			URI uri = new URI(origin);
			if (uri.getScheme() == null || uri.getHost() == null
					|| uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
					|| uri.getRawUserInfo() != null) {
				return false;
			}
			HostHeader originHost = new HostHeader(uri.getHost().toLowerCase(Locale.ROOT), uri.getPort());
			return uri.getScheme().equalsIgnoreCase(scheme) && originHost.host().equals(host.host())
					&& originHost.portOr(scheme) == host.portOr(scheme);
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String abbreviate(String value) {
		String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
		return (printable.length() > 100) ? printable.substring(0, 100) + "..." : printable;
	}

	private static byte[] digest(String value) {
		try {
			// Digests have equal lengths, so comparing them takes the same time whatever
			// the length of the value sent
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}

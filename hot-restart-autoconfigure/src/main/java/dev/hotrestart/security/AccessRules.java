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
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

import dev.hotrestart.connection.ClientAddress;
import dev.hotrestart.connection.LoopbackAddresses;

/**
 * Decides whether a request may reach the endpoint or the console.
 * <ul>
 * <li>It must come from this machine, judged by the connection's real peer (see
 * {@link ClientAddress}), or carry the shared secret ({@code hot-restart.remote.secret})
 * in exactly one {@value #SECRET_HEADER} header, byte for byte, compared in constant
 * time. Without a configured secret, other hosts are always refused. Every refusal for a
 * missing, wrong or repeated secret says the same, so that none helps a guess.</li>
 * <li>Unless it carries the secret, its {@code Host} header must name a loopback host
 * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}): a page whose name was rebound to
 * 127.0.0.1 (DNS rebinding) sends its own name.</li>
 * <li>A state-changing request (any method but GET, HEAD, OPTIONS and TRACE) with an
 * {@code Origin} must carry one, from the same origin as the request itself: a page of
 * another site in the developer's browser cannot continue or abort anything.</li>
 * </ul>
 * Independent of any web stack; immutable and thread-safe.
 *
 * @author hot-restart authors
 */
public final class AccessRules {

	/**
	 * The header that carries the shared secret for remote access.
	 */
	public static final String SECRET_HEADER = "X-Hot-Restart-Secret";

	static final String SECRET_REFUSAL = "Hot restart needs the shared secret for this request: send the value of "
			+ "hot-restart.remote.secret in one " + SECRET_HEADER + " header, exactly as configured. "
			+ "Requests from this machine to http://localhost need no secret.";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final byte @Nullable [] secretDigest;

	/**
	 * Create the rules.
	 * @param secret the shared secret for remote access, or {@code null} (or blank) to
	 * refuse every other host
	 * @throws IllegalArgumentException if the secret holds anything but visible ASCII
	 * characters, which no client could send exactly
	 */
	public AccessRules(@Nullable String secret) {
		if (StringUtils.hasText(secret)) {
			if (!isVisibleAscii(secret)) {
				throw new IllegalArgumentException("hot-restart.remote.secret holds a space, a control character or a "
						+ "character outside ASCII. HTTP strips spaces around a header value, and servers decode other "
						+ "bytes differently, so no client could send it exactly. Use visible ASCII characters only, "
						+ "such as the output of 'openssl rand -hex 32'.");
			}
			this.secretDigest = digest(secret);
		}
		else {
			this.secretDigest = null;
		}
	}

	/**
	 * Return whether a secret is configured, so that other hosts may get in with it.
	 * @return whether remote access is possible
	 */
	public boolean hasSecret() {
		return this.secretDigest != null;
	}

	/**
	 * Return whether a request may pass only with the right secret: it comes from another
	 * host, or it carries the secret header.
	 * @param request the request
	 * @return whether the secret decides
	 */
	public boolean needsSecret(AccessRequest request) {
		return !request.client().thisMachine() || !request.headers().values(SECRET_HEADER).isEmpty();
	}

	/**
	 * Check a request.
	 * @param request the request
	 * @return why it is refused and what to do, or {@code null} if it may pass
	 */
	public @Nullable Refusal check(AccessRequest request) {
		if (needsSecret(request)) {
			Refusal refusal = secretRefusal(request);
			if (refusal != null) {
				return refusal;
			}
		}
		else {
			Refusal refusal = hostRefusal(request);
			if (refusal != null) {
				return refusal;
			}
		}
		return crossSiteRefusal(request);
	}

	private @Nullable Refusal secretRefusal(AccessRequest request) {
		if (this.secretDigest == null) {
			if (!request.client().thisMachine()) {
				return new Refusal(Reason.OTHER_HOST, otherHost(request.client()));
			}
			return new Refusal(Reason.OTHER_HOST, "This request carries the " + SECRET_HEADER
					+ " header, but hot-restart.remote.secret is not set, so remote access is off. "
					+ "Set hot-restart.remote.secret on the application to allow it, or send the request without it.");
		}
		List<String> secrets = request.headers().values(SECRET_HEADER);
		if (secrets.size() != 1 || !matches(secrets.get(0))) {
			return new Refusal(Reason.SECRET, SECRET_REFUSAL);
		}
		return null;
	}

	private static String otherHost(ClientAddress client) {
		String address = abbreviate(client.address());
		String place = switch (client.basis()) {
			case PROXIED -> "this one came from " + address + " through a proxy on this machine.";
			case FORWARDED -> "this one names its client in a forwarded header (X-Forwarded-For, Forwarded), "
					+ "and the server cannot tell which host actually connected (it reports " + address
					+ "). Send it without forwarded headers from this machine.";
			default -> "this one came from " + address + ".";
		};
		return "Hot restart answers only requests from this machine (the loopback interface); " + place
				+ " To reach it from another host (an application in a container or VM), set "
				+ "hot-restart.remote.secret and send it in the " + SECRET_HEADER + " header.";
	}

	private boolean matches(String secret) {
		// Bytes outside visible ASCII never match: no configured secret holds them
		return isVisibleAscii(secret)
				&& MessageDigest.isEqual(this.secretDigest, digest(secret.getBytes(StandardCharsets.US_ASCII)));
	}

	private static @Nullable Refusal hostRefusal(AccessRequest request) {
		String hostHeader = request.header("Host");
		HostHeader host = HostHeader.parse(hostHeader);
		if (host == null || !LoopbackAddresses.isLoopbackHost(host.host())) {
			return new Refusal(Reason.HOST,
					"Hot restart answers only requests addressed to a loopback host (localhost, 127.0.0.1, [::1]); "
							+ "this one names "
							+ ((hostHeader != null) ? "'" + abbreviate(hostHeader) + "'" : "no host")
							+ ", as a page whose name was rebound to this machine would (DNS rebinding). "
							+ "Use http://localhost:" + request.localPort() + ", or set hot-restart.remote.secret "
							+ "and send it in the " + SECRET_HEADER + " header.");
		}
		return null;
	}

	private static @Nullable Refusal crossSiteRefusal(AccessRequest request) {
		List<String> origins = request.headers().values("Origin");
		if (origins.isEmpty() || SAFE_METHODS.contains(request.method().toUpperCase(Locale.ROOT))) {
			return null;
		}
		if (origins.size() > 1) {
			return new Refusal(Reason.CROSS_SITE, "Hot restart refuses state-changing requests that carry "
					+ origins.size() + " Origin headers: a browser sends exactly one, so another site may be among "
					+ "them. Continue and abort from the console or from a tool on this machine (curl sends no Origin).");
		}
		String origin = origins.get(0);
		HostHeader host = HostHeader.parse(request.header("Host"));
		String own = (host != null)
				? request.scheme() + "://" + host.host() + ((host.port() != -1) ? ":" + host.port() : "") : null;
		if (host != null && sameOrigin(origin, request.scheme(), host)) {
			return null;
		}
		return new Refusal(Reason.CROSS_SITE, "Hot restart refuses state-changing requests from another site: Origin '"
				+ abbreviate(origin) + "' is not "
				+ ((own != null) ? "'" + abbreviate(own) + "'" : "this application's origin")
				+ ". Continue and abort from the console or from a tool on this machine (curl sends no Origin).");
	}

	private static boolean sameOrigin(String origin, String scheme, HostHeader host) {
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

	static String abbreviate(String value) {
		String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
		return (printable.length() > 100) ? printable.substring(0, 100) + "..." : printable;
	}

	private static boolean isVisibleAscii(String value) {
		return value.chars().allMatch((character) -> character > 0x20 && character < 0x7f);
	}

	private static byte[] digest(String secret) {
		return digest(secret.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] digest(byte[] value) {
		try {
			// Digests have equal lengths, so comparing them takes the same time whatever
			// the length of the value sent
			return MessageDigest.getInstance("SHA-256").digest(value);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	/**
	 * Why a request is refused, and what to do.
	 *
	 * @param reason the rule the request broke
	 * @param message what happened and what to do
	 */
	public record Refusal(Reason reason, String message) {

	}

	/**
	 * The rule a refused request broke.
	 */
	public enum Reason {

		/**
		 * From another host, while no secret is configured.
		 */
		OTHER_HOST,

		/**
		 * A missing, wrong or repeated secret where one is needed.
		 */
		SECRET,

		/**
		 * A {@code Host} header that names no loopback host.
		 */
		HOST,

		/**
		 * A state-changing request from another site.
		 */
		CROSS_SITE

	}

}

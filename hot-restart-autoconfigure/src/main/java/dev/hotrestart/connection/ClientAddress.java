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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the client of a web request is, judged by the connection's real peer rather than
 * by forwarded headers, which anyone can send and which servers configured to honour them
 * turn into the address they report. Independent of any server API, so that every kind of
 * web stack judges alike.
 * <ul>
 * <li>A request whose connection's peer is another host comes from that host.</li>
 * <li>A request from a proxy on this machine that forwards for another host (any address
 * its forwarded headers name is not a loopback address) comes from that host.</li>
 * <li>When the server cannot tell the peer, a request that names a client in forwarded
 * headers cannot be placed: its reported address may be anyone's claim, so it is never
 * taken for this machine.</li>
 * </ul>
 *
 * @param address the address hot restart judges by, for messages and the listing
 * @param thisMachine whether the request comes from this machine
 * @param basis how the address was found
 * @author hot-restart authors
 */
public record ClientAddress(String address, boolean thisMachine, Basis basis) {

	/**
	 * Judge where a request comes from.
	 * @param peerAddress the connection's peer as the server's socket reports it, or
	 * {@code null} when the server cannot tell it
	 * @param reportedAddress the client address the server reports, which forwarded
	 * headers may have rewritten
	 * @param forwardedFor the addresses the request's forwarded headers name (see
	 * {@link ForwardedFor})
	 * @return where the request comes from
	 */
	public static ClientAddress judge(@Nullable String peerAddress, String reportedAddress, List<String> forwardedFor) {
		if (peerAddress == null) {
			return forwardedFor.isEmpty() ? new ClientAddress(reportedAddress,
					LoopbackAddresses.isLoopbackAddress(reportedAddress), Basis.REPORTED)
					: new ClientAddress(reportedAddress, false, Basis.FORWARDED);
		}
		if (!LoopbackAddresses.isLoopbackAddress(peerAddress)) {
			return new ClientAddress(peerAddress, false, Basis.PEER);
		}
		// The nearest proxy appends last: of the addresses it forwards for, the last
		// foreign one is the one it saw, the earlier ones may be the client's claims
		for (int i = forwardedFor.size() - 1; i >= 0; i--) {
			if (!LoopbackAddresses.isLoopbackAddress(forwardedFor.get(i))) {
				return new ClientAddress(forwardedFor.get(i), false, Basis.PROXIED);
			}
		}
		return new ClientAddress(peerAddress, true, Basis.PEER);
	}

	/**
	 * How the address of a client was found, which tells how far it can be trusted.
	 */
	public enum Basis {

		/**
		 * The connection's peer, as the server's socket reports it.
		 */
		PEER,

		/**
		 * A client for which a proxy on this machine forwards the request.
		 */
		PROXIED,

		/**
		 * An address the server reports for a request that names a client in forwarded
		 * headers, on a server that cannot tell the peer: possibly a forged claim.
		 */
		FORWARDED,

		/**
		 * The address the server reports for a request without forwarded headers, on a
		 * server that cannot tell the peer.
		 */
		REPORTED

	}

}

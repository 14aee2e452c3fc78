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
 * The network connection a web request arrived on, as the server knows it: its real peer,
 * whatever forwarded headers claim, and whether the client is still there.
 *
 * @author hot-restart authors
 */
public interface ClientConnection {

	/**
	 * Return the address of the connection's peer, as the server's socket reports it:
	 * never taken from a forwarded header.
	 * @return the peer's IP address
	 */
	String peerAddress();

	/**
	 * Return the addresses the request's forwarded headers named when it arrived (see
	 * {@link ForwardedFor}), for a server that may rewrite those headers before the
	 * application sees them.
	 * @return the addresses, or {@code null} to read them from the request's headers
	 */
	default @Nullable List<String> forwardedFor() {
		return null;
	}

	/**
	 * Return whether the client has closed the connection. Only on the thread that serves
	 * the request, while it serves it: the check looks at the connection without
	 * blocking.
	 * @return {@code true} when the server can tell that the client has gone;
	 * {@code false} when it is still there or the server cannot tell
	 */
	default boolean isClosedByClient() {
		return false;
	}

}

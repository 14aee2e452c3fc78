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

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * The connection of a request on Tomcat. Tomcat does not watch a connection while a
 * thread serves its request, so a client that leaves goes unnoticed until the answer is
 * written; {@link #isClosedByClient()} looks itself, with a read that does not block.
 * Only on the thread that serves the request, while it serves it: Tomcat recycles the
 * request afterwards.
 *
 * @author hot-restart authors
 */
final class TomcatClientConnection implements ClientConnection {

	private final Request request;

	private final List<String> forwardedFor;

	TomcatClientConnection(Request request) {
		this.request = request;
		// Before Tomcat's RemoteIpValve, which strips the addresses it trusts from the
		// X-Forwarded-For header it leaves to the application
		this.forwardedFor = isForwarded(request)
				? ForwardedFor.addresses((name) -> Collections.list(request.getHeaders(name))) : List.of();
	}

	private static boolean isForwarded(Request request) {
		// Every request passes here: a look that allocates nothing for the usual one
		MimeHeaders headers = request.getCoyoteRequest().getMimeHeaders();
		for (String name : ForwardedFor.HEADERS) {
			if (headers.getValue(name) != null) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String peerAddress() {
		return this.request.getPeerAddr();
	}

	@Override
	public List<String> forwardedFor() {
		return this.forwardedFor;
	}

	/**
	 * Return whether the client has closed an HTTP/1.x connection whose request body has
	 * been read. Asks Tomcat what is available to read, allowing it a read that does not
	 * block. At the end of the stream the read fails and Tomcat answers 1, every time.
	 * Bytes the client sent after the request (a pipelined next request) also answer at
	 * least 1 once, but they stay in Tomcat's buffer for that request, and the second
	 * question, which reads nothing while the buffer holds them, answers 0.
	 * <p>
	 * A client that closes only its sending side (a half close) counts as gone too. A
	 * request whose body is unread, or on another protocol (HTTP/2), cannot be told.
	 */
	@Override
	public boolean isClosedByClient() {
		String protocol = this.request.getProtocol();
		if (!"HTTP/1.1".equals(protocol) && !"HTTP/1.0".equals(protocol)) {
			return false;
		}
		org.apache.coyote.Request coyoteRequest = this.request.getCoyoteRequest();
		AtomicBoolean bodyRead = new AtomicBoolean();
		coyoteRequest.action(ActionCode.REQUEST_BODY_FULLY_READ, bodyRead);
		if (!bodyRead.get()) {
			return false;
		}
		coyoteRequest.action(ActionCode.AVAILABLE, Boolean.TRUE);
		if (coyoteRequest.getAvailable() <= 0) {
			return false;
		}
		coyoteRequest.action(ActionCode.AVAILABLE, Boolean.TRUE);
		return coyoteRequest.getAvailable() > 0;
	}

}

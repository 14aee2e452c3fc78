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

import org.apache.catalina.connector.Request;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * The connection of a request on Tomcat: its peer, as Tomcat's socket reports it.
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

}

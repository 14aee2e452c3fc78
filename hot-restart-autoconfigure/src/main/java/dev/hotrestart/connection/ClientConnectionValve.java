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

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Makes the connection of every request known to hot restart on Tomcat: puts a
 * {@link ClientConnection} in the request attribute {@link ClientConnections#ATTRIBUTE}.
 * Its peer is the connection's, which Tomcat's {@code RemoteIpValve} leaves alone when it
 * rewrites the client address from forwarded headers. Ahead of that valve, it also sees
 * the forwarded headers as they arrived. Thread-safe.
 *
 * @author hot-restart authors
 */
public class ClientConnectionValve extends ValveBase {

	public ClientConnectionValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		request.setAttribute(ClientConnections.ATTRIBUTE, new TomcatClientConnection(request));
		getNext().invoke(request, response);
	}

}

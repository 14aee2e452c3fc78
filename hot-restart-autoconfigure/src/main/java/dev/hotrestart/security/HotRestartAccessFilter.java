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

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the endpoint and the console with the {@link AccessRules}: a refused request
 * gets {@code 403} with a JSON body whose {@code error} says why and what to do, and goes
 * no further. Registered only for the endpoint's and the console's paths, ahead of every
 * other filter (Spring Security's rules, when present, apply after it). Thread-safe.
 *
 * @author hot-restart authors
 */
public class HotRestartAccessFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(HotRestartAccessFilter.class);

	private final AccessRules rules;

	public HotRestartAccessFilter(AccessRules rules) {
		this.rules = rules;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String refusal = this.rules.refusal(new ServletAccessRequest(request));
		if (refusal == null) {
			chain.doFilter(request, response);
			return;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Refused " + request.getMethod() + " " + request.getRequestURI() + ": " + refusal);
		}
		byte[] body = ("{\"error\":" + jsonString(refusal) + ",\"status\":403}").getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static String jsonString(String value) {
		StringBuilder json = new StringBuilder(value.length() + 2).append('"');
		for (char character : value.toCharArray()) {
			switch (character) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (character < 0x20 || character == '<' || character == '>' || character == '&') {
						json.append(String.format("\\u%04x", (int) character));
					}
					else {
						json.append(character);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}

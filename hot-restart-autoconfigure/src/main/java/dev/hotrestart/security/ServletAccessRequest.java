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

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * A servlet request as the {@link AccessRules} see it.
 *
 * @param request the servlet request
 * @author hot-restart authors
 */
record ServletAccessRequest(HttpServletRequest request) implements AccessRequest {

	@Override
	public @Nullable String getHeader(String name) {
		return this.request.getHeader(name);
	}

	@Override
	public String getRemoteAddr() {
		return this.request.getRemoteAddr();
	}

	@Override
	public int getLocalPort() {
		return this.request.getLocalPort();
	}

	@Override
	public String getMethod() {
		return this.request.getMethod();
	}

	@Override
	public String getScheme() {
		return this.request.getScheme();
	}

}

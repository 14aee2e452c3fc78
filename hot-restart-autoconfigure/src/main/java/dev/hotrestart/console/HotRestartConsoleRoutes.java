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

package dev.hotrestart.console;

import java.net.URI;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the console in a WebFlux application, as {@link HotRestartConsoleController} and
 * a resource handler do with Spring MVC: the page at {@code /hot-restart/} (and a
 * redirect there from {@code /hot-restart}, so that the page's relative links resolve),
 * and its static files below it.
 *
 * @author hot-restart authors
 */
public final class HotRestartConsoleRoutes {

	private HotRestartConsoleRoutes() {
	}

	/**
	 * Return the routes of the console.
	 * @param page the page to serve
	 * @return the routes
	 */
	public static RouterFunction<ServerResponse> of(ConsolePage page) {
		RouterFunction<ServerResponse> pageRoutes = RouterFunctions.route()
			.GET(ConsolePage.PATH,
					(request) -> ServerResponse.status(HttpStatus.FOUND)
						.location(URI.create(request.requestPath().contextPath().value() + ConsolePage.PATH + "/"))
						.build())
			.GET(ConsolePage.PATH + "/",
					(request) -> ServerResponse.ok()
						.contentType(MediaType.TEXT_HTML)
						.cacheControl(CacheControl.noStore())
						.bodyValue(page.html()))
			.build();
		return pageRoutes.and(RouterFunctions.resources(ConsolePage.PATH + "/**",
				new ClassPathResource(ConsolePage.DIRECTORY, HotRestartConsoleRoutes.class.getClassLoader()),
				(resource, headers) -> headers.setCacheControl(CacheControl.noCache())));
	}

}

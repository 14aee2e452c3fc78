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

import java.util.function.Supplier;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the console page at {@code /hot-restart/} (and redirects {@code /hot-restart}
 * there, so that the page's relative links resolve). The page learns from a
 * {@code <meta>} element where the {@code hotrestart} endpoint answers; everything else
 * it does goes through that endpoint.
 *
 * @author hot-restart authors
 */
@Controller
public class HotRestartConsoleController {

	/**
	 * The path of the console below the servlet's root.
	 */
	public static final String PATH = ConsolePage.PATH;

	/**
	 * Where the console's files live on the class path.
	 */
	public static final String LOCATION = ConsolePage.LOCATION;

	private final ConsolePage page;

	/**
	 * Create the controller.
	 * @param endpointPath supplies the path of the {@code hotrestart} endpoint relative
	 * to the servlet's root, for example {@code /actuator/hotrestart}
	 */
	public HotRestartConsoleController(Supplier<String> endpointPath) {
		this.page = new ConsolePage(endpointPath);
	}

	@GetMapping(PATH)
	String redirect() {
		return "redirect:" + PATH + "/";
	}

	@GetMapping(path = PATH + "/", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.page.html());
	}

}

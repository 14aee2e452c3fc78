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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's page, whatever serves it: {@code index.html} from the jar, with the
 * address of the {@code hotrestart} endpoint filled in. The page sits one level below the
 * application's root, so a relative endpoint address keeps any context path, servlet path
 * or WebFlux base path. Read once, on first use; thread-safe.
 *
 * @author hot-restart authors
 */
public final class ConsolePage {

	/**
	 * The path of the console below the application's root.
	 */
	public static final String PATH = "/hot-restart";

	/**
	 * Where the console's files live on the class path, as a resource location.
	 */
	public static final String LOCATION = "classpath:/" + ConsolePage.DIRECTORY;

	/**
	 * Where the console's files live on the class path, as a class path resource.
	 */
	static final String DIRECTORY = "META-INF/hot-restart-console/";

	private static final String PAGE = DIRECTORY + "index.html";

	private static final String ENDPOINT_PLACEHOLDER = "{{endpoint}}";

	private final Supplier<String> html;

	/**
	 * Create the page.
	 * @param endpointPath supplies the path of the {@code hotrestart} endpoint relative
	 * to the application's root, for example {@code /actuator/hotrestart}
	 */
	public ConsolePage(Supplier<String> endpointPath) {
		this.html = SingletonSupplier
			.of(() -> read().replace(ENDPOINT_PLACEHOLDER, HtmlUtils.htmlEscape(".." + endpointPath.get())));
	}

	/**
	 * Return the page's HTML.
	 * @return the page, with the endpoint's address filled in
	 */
	public String html() {
		return this.html.get();
	}

	private static String read() {
		try (InputStream stream = new ClassPathResource(PAGE, ConsolePage.class.getClassLoader()).getInputStream()) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The console page " + PAGE + " is missing from the hot-restart jar", ex);
		}
	}

}

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

package dev.hotrestart.sample;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Application beans generated for a measurement: services that depend on one another and
 * controllers in front of some of them, in a sub-package of the sample that its component
 * scan finds. They make the sample as large as a bigger application in the parts a
 * pointcut over the application's packages has to look at.
 */
final class GeneratedBeans {

	static final String PACKAGE = "dev.hotrestart.sample.generated";

	private static final int SERVICES_PER_CONTROLLER = 4;

	private GeneratedBeans() {
	}

	/**
	 * Generate and compile {@code count} bean classes into a class directory.
	 * @param directory where to write sources and classes
	 * @param count how many bean classes: one controller for every four services
	 * @return the class directory
	 */
	static Path compile(Path directory, int count) throws IOException {
		Path sources = Files.createDirectories(directory.resolve("sources"));
		Path classes = Files.createDirectories(directory.resolve("classes"));
		List<Path> files = new ArrayList<>();
		int service = 0;
		for (int index = 0; index < count; index++) {
			boolean controller = (index % (SERVICES_PER_CONTROLLER + 1)) == SERVICES_PER_CONTROLLER;
			String source = controller ? controller(index, service - 1) : service(service++);
			String name = controller ? "Controller" + index : "Service" + (service - 1);
			files.add(Files.writeString(sources.resolve(name + ".java"), source));
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StringWriter diagnostics = new StringWriter();
		boolean compiled = compiler
			.getTask(diagnostics, null, null,
					List.of("--release", "17", "-parameters", "-proc:none", "-d", classes.toString(), "-cp",
							System.getProperty("java.class.path")),
					null, compiler.getStandardFileManager(null, null, null).getJavaFileObjectsFromPaths(files))
			.call();
		if (!compiled) {
			throw new IllegalStateException("Could not compile the generated beans:\n" + diagnostics);
		}
		return classes;
	}

	private static String service(int number) {
		String dependency = (number > 0) ? "Service" + (number - 1) : "org.springframework.core.env.Environment";
		return """
				package %1$s;

				import java.util.List;

				@org.springframework.stereotype.Service
				public class Service%2$d {

					private final %3$s previous;

					public Service%2$d(%3$s previous) {
						this.previous = previous;
					}

					public String find(int id) {
						return "%2$d:" + id;
					}

					public List<String> list(String filter) {
						return List.of(filter, String.valueOf(this.previous));
					}

					public int count() {
						return %2$d;
					}

					public void save(String value) {
					}

					public boolean exists(long id) {
						return id > 0;
					}

					String describe() {
						return "service %2$d";
					}

				}
				""".formatted(PACKAGE, number, dependency);
	}

	private static String controller(int number, int service) {
		return """
				package %1$s;

				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RequestParam;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class Controller%2$d {

					private final Service%3$d service;

					public Controller%2$d(Service%3$d service) {
						this.service = service;
					}

					@GetMapping("/generated/%2$d")
					public String find(@RequestParam int id) {
						return this.service.find(id);
					}

					@GetMapping("/generated/%2$d/count")
					public int count() {
						return this.service.count();
					}

				}
				""".formatted(PACKAGE, number, service);
	}

}

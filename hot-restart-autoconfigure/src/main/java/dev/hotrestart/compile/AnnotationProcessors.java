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

package dev.hotrestart.compile;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Tells when a saved source needs an annotation processor that is not on the
 * application's class path, for the processors whose absence would make it compile
 * differently from the build: Lombok (the members it generates), MapStruct, Immutables
 * and AutoValue (the classes they generate). Processors that only write resources (Spring
 * Boot's configuration metadata, for example) do not matter to a reload.
 * <p>
 * Thread-safe; answers are cached per processor.
 *
 * @author hot-restart authors
 */
final class AnnotationProcessors {

	private static final List<KnownProcessor> KNOWN = List.of(
			new KnownProcessor("Lombok", "\\bimport\\s+(static\\s+)?lombok\\.|@lombok\\.",
					"lombok.launch.AnnotationProcessorHider$AnnotationProcessor", "org.projectlombok:lombok"),
			new KnownProcessor("MapStruct", "\\borg\\.mapstruct\\.(Mapper|MapperConfig|\\*)\\b",
					"org.mapstruct.ap.MappingProcessor", "org.mapstruct:mapstruct-processor"),
			new KnownProcessor("Immutables", "\\borg\\.immutables\\.value\\.(Value|\\*)\\b",
					"org.immutables.processor.ProxyProcessor", "org.immutables:value"),
			new KnownProcessor("AutoValue", "\\bcom\\.google\\.auto\\.value\\.(AutoValue|\\*)\\b",
					"com.google.auto.value.processor.AutoValueProcessor", "com.google.auto.value:auto-value"));

	private final ClassLoader processorPath;

	private final Map<String, Boolean> present = new ConcurrentHashMap<>();

	/**
	 * Create an instance that looks for processors in the given class loader.
	 * @param processorPath a class loader over the processor path, which is the
	 * application's class path
	 */
	AnnotationProcessors(ClassLoader processorPath) {
		this.processorPath = processorPath;
	}

	/**
	 * Return why a source cannot be compiled as the build compiled it, if it uses an
	 * annotation processor that is missing.
	 * @param fileName the source's file name, for the message
	 * @param content the source's content
	 * @return what is missing and what to do, or {@code null} when nothing is
	 */
	@Nullable String missingFor(String fileName, String content) {
		for (KnownProcessor processor : KNOWN) {
			if (processor.usage().matcher(content).find() && !isPresent(processor)) {
				return fileName + " uses " + processor.name() + ", whose annotation processor (" + processor.artifact()
						+ ") is not on the application's class path, so hot restart cannot compile it as your build "
						+ "does. Compile it with your build (your IDE, or mvn compile) and continue again, or put "
						+ processor.artifact() + " on the class path the application runs with.";
			}
		}
		return null;
	}

	private boolean isPresent(KnownProcessor processor) {
		return this.present.computeIfAbsent(processor.processorClass(),
				(name) -> this.processorPath.getResource(name.replace('.', '/') + ".class") != null);
	}

	/**
	 * An annotation processor a build commonly uses.
	 *
	 * @param name its name
	 * @param usage how a source that needs it shows, in its imports or annotations
	 * @param processorClass its processor class
	 * @param artifact its Maven coordinates
	 */
	private record KnownProcessor(String name, Pattern usage, String processorClass, String artifact) {

		KnownProcessor(String name, String usage, String processorClass, String artifact) {
			this(name, Pattern.compile(usage), processorClass, artifact);
		}

	}

}

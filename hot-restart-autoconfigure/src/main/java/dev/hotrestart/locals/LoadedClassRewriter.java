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

package dev.hotrestart.locals;

import java.io.IOException;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.commons.logging.LogFactory;

/**
 * Instruments the application classes loaded before recording started, and restores them
 * when it stops.
 * <p>
 * Instrumenting redefines each class with its own class file from the class directory,
 * which the transformer then instruments, and only when that file is the one in effect.
 * Retransforming would be simpler, but for a class loaded before an agent that can
 * retransform was attached, the JVM rebuilds the class file from what it keeps, and that
 * rebuild drops attributes (parameter names among them, which Spring MVC needs). A class
 * whose file changed since it was loaded is left alone: the next reload redefines it,
 * instrumented. Restoring retransforms the classes the transformer changed, for which the
 * JVM kept their class files as they were.
 *
 * @author hot-restart authors
 */
final class LoadedClassRewriter {

	private LoadedClassRewriter() {
	}

	/**
	 * Redefine the loaded application classes whose class files are in effect with those
	 * files, so that a transformer registered before instruments them.
	 * @param instrumentation the instrumentation
	 * @param applicationClasses the application's classes
	 * @param accept which of the loaded application classes to redefine
	 * @param current whether a class file is the one in effect
	 */
	static void instrument(Instrumentation instrumentation, ApplicationClasses applicationClasses,
			Predicate<Class<?>> accept, Predicate<Path> current) {
		List<ClassDefinition> definitions = new ArrayList<>();
		for (Class<?> type : instrumentation.getAllLoadedClasses()) {
			if (type.getClassLoader() != null && instrumentation.isModifiableClass(type)
					&& applicationClasses.contains(type) && accept.test(type)) {
				Path file = applicationClasses.classFileOf(type);
				if (file != null && current.test(file)) {
					try {
						definitions.add(new ClassDefinition(type, Files.readAllBytes(file)));
					}
					catch (IOException ex) {
						// Deleted or unreadable meanwhile: left as it is
					}
				}
			}
		}
		if (definitions.isEmpty()) {
			return;
		}
		try {
			instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
		}
		catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError ex) {
			// All or none: one class at a time, so that one failure spares the others
			for (ClassDefinition definition : definitions) {
				try {
					instrumentation.redefineClasses(definition);
				}
				catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError single) {
					debug("Could not instrument " + definition.getDefinitionClass().getName(), single);
				}
			}
		}
	}

	/**
	 * Retransform the loaded classes a removed transformer instrumented, back to their
	 * class files as they were.
	 * @param instrumentation the instrumentation
	 * @param transformer the transformer, already removed
	 */
	static void restore(Instrumentation instrumentation, LocalsTransformer transformer) {
		if (!instrumentation.isRetransformClassesSupported()) {
			return;
		}
		for (Class<?> type : instrumentation.getAllLoadedClasses()) {
			if (transformer.hasInstrumented(type)) {
				try {
					instrumentation.retransformClasses(type);
				}
				catch (UnmodifiableClassException | RuntimeException | LinkageError ex) {
					debug("Could not restore " + type.getName(), ex);
				}
			}
		}
	}

	private static void debug(String message, Throwable ex) {
		LogFactory.getLog(LoadedClassRewriter.class).debug(message + " (local variables of its frames)", ex);
	}

}

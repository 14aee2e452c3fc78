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
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.reload.CompiledClasses;
import dev.hotrestart.reload.InstrumentationProvider;

/**
 * An application class directory of a test whose classes record their local variables:
 * sources compiled at test time, a real {@link LocalsTransformer} registered with this
 * JVM's real instrumentation for that directory only, and a real class loader. Close it
 * to remove the transformer.
 *
 * @author hot-restart authors
 */
final class InstrumentedClasses implements AutoCloseable {

	private static final InstrumentationProvider instrumentationProvider = new InstrumentationProvider();

	private final CompiledClasses classes;

	private final LocalsTransformer transformer;

	private @Nullable URLClassLoader loader;

	InstrumentedClasses(Path root) {
		this.classes = new CompiledClasses(root);
		this.transformer = new LocalsTransformer(new ApplicationClasses(List.of(this.classes.directory())));
		instrumentation().addTransformer(this.transformer, true);
	}

	static Instrumentation instrumentation() {
		return instrumentationProvider.get();
	}

	CompiledClasses classes() {
		return this.classes;
	}

	LocalsTransformer transformer() {
		return this.transformer;
	}

	/**
	 * Compile a source as Maven does: with local variable tables and parameter names.
	 */
	InstrumentedClasses compile(String className, String source) {
		this.classes.compileWith(className, source, "-g", "-parameters");
		return this;
	}

	/**
	 * Compile a source without debugging information beyond lines and source file (the
	 * default of javac without -g).
	 */
	InstrumentedClasses compileWithoutDebugInformation(String className, String source, String... options) {
		this.classes.compileWith(className, source, options);
		return this;
	}

	Class<?> load(String className) throws ClassNotFoundException {
		if (this.loader == null) {
			this.loader = this.classes.newClassLoader();
		}
		return Class.forName(className, true, this.loader);
	}

	/**
	 * Call a method of a new instance of a class and return what it threw.
	 */
	Throwable failureOf(String className, String method, Object... arguments) throws Exception {
		Class<?> type = load(className);
		Object target = type.getDeclaredConstructor().newInstance();
		Method invoked = Arrays.stream(type.getMethods())
			.filter((candidate) -> candidate.getName().equals(method)
					&& candidate.getParameterCount() == arguments.length)
			.findFirst()
			.orElseThrow();
		try {
			invoked.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			return ex.getCause();
		}
		throw new AssertionError(className + "." + method + " did not throw");
	}

	/**
	 * Return the locals of the first frame of the given method in an exception's trace.
	 */
	static @Nullable Map<String, String> localsOf(Throwable exception, String className, String method) {
		StackTraceElement[] trace = exception.getStackTrace();
		List<@Nullable Map<String, String>> locals = ThrowSiteLocals.of(exception, trace);
		for (int i = 0; i < trace.length; i++) {
			if (trace[i].getClassName().equals(className) && trace[i].getMethodName().equals(method)) {
				return locals.get(i);
			}
		}
		throw new AssertionError("No frame " + className + "." + method + " in " + Arrays.toString(trace));
	}

	@Override
	public void close() throws IOException {
		instrumentation().removeTransformer(this.transformer);
		if (this.loader != null) {
			this.loader.close();
		}
	}

}

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

package dev.hotrestart.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dev.hotrestart.locals.LocalsInstrumenter;

/**
 * Loads a copy of a class of this module in a class loader of its own, as compiled or
 * instrumented to record its local variables, so that a benchmark can call both side by
 * side through an interface of its parent loader.
 */
final class IsolatedClass extends ClassLoader {

	private final String className;

	private final byte[] bytes;

	private IsolatedClass(Class<?> type, boolean instrumented) {
		super(type.getClassLoader());
		this.className = type.getName();
		byte[] original = classFile(type);
		byte[] bytes = instrumented ? LocalsInstrumenter.instrument(original) : original;
		if (bytes == null) {
			throw new IllegalStateException(type.getName() + " has nothing to instrument");
		}
		this.bytes = bytes;
	}

	/**
	 * Create an instance of a copy of {@code type}, with its no-argument constructor.
	 * @param type the class to copy
	 * @param instrumented whether the copy records its local variables
	 * @param view the interface to see it through
	 * @return the instance
	 */
	static <T> T newInstance(Class<?> type, boolean instrumented, Class<T> view) {
		try {
			IsolatedClass loader = new IsolatedClass(type, instrumented);
			return view.cast(loader.loadClass(type.getName()).getDeclaredConstructor().newInstance());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		synchronized (getClassLoadingLock(name)) {
			if (!name.equals(this.className)) {
				return super.loadClass(name, resolve);
			}
			Class<?> loaded = findLoadedClass(name);
			return (loaded != null) ? loaded : defineClass(name, this.bytes, 0, this.bytes.length);
		}
	}

	private static byte[] classFile(Class<?> type) {
		String resource = type.getName().replace('.', '/') + ".class";
		try (InputStream stream = type.getClassLoader().getResourceAsStream(resource)) {
			if (stream == null) {
				throw new IllegalStateException("No class file for " + type.getName());
			}
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

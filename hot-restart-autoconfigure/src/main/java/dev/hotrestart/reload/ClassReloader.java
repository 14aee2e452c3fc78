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

package dev.hotrestart.reload;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ClassUtils;

/**
 * Reloads the classes whose class files changed since they were loaded: finds the changes
 * in the {@link ClassFileBaseline}, redefines the loaded ones through the
 * {@link InstrumentationProvider}'s instrumentation, and moves the baseline on.
 * <p>
 * Thread-safe: reloads are serialised, so two continues never redefine at once. If the
 * JVM refuses, the baseline stays where it was, and the next reload tries the same
 * changes again.
 *
 * @author hot-restart authors
 */
public class ClassReloader {

	private static final Log logger = LogFactory.getLog(ClassReloader.class);

	private final ClassFileBaseline baseline;

	private final InstrumentationProvider instrumentationProvider;

	private final ClassLoader applicationClassLoader;

	/**
	 * Create a reloader for the application whose class loader is the current thread's
	 * context class loader, as it is while the application context creates its beans (a
	 * restart class loader under Spring Boot DevTools).
	 * @param baseline the class files as loaded
	 * @param instrumentationProvider supplies the instrumentation
	 */
	public ClassReloader(ClassFileBaseline baseline, InstrumentationProvider instrumentationProvider) {
		this(baseline, instrumentationProvider, defaultClassLoader());
	}

	/**
	 * Create a reloader for the application loaded by {@code applicationClassLoader}.
	 * @param baseline the class files as loaded
	 * @param instrumentationProvider supplies the instrumentation
	 * @param applicationClassLoader the class loader of the application's classes
	 */
	public ClassReloader(ClassFileBaseline baseline, InstrumentationProvider instrumentationProvider,
			ClassLoader applicationClassLoader) {
		this.baseline = baseline;
		this.instrumentationProvider = instrumentationProvider;
		this.applicationClassLoader = applicationClassLoader;
	}

	private static ClassLoader defaultClassLoader() {
		ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
		return (classLoader != null) ? classLoader : ClassReloader.class.getClassLoader();
	}

	/**
	 * Redefine every loaded class whose class file changed.
	 * @return the classes reloaded and the changed ones not loaded
	 * @throws ReloadRefusedException if the JVM refused the new classes
	 * @throws InstrumentationUnavailableException if this JVM cannot redefine classes
	 */
	public synchronized ReloadResult reloadChangedClasses() {
		List<ChangedClassFile> changes = this.baseline.changes();
		if (changes.isEmpty()) {
			return ReloadResult.nothingChanged();
		}
		Instrumentation instrumentation = this.instrumentationProvider.get();
		long start = System.nanoTime();
		ReloadResult result = ClassRedefiner.redefine(instrumentation, changes, this.applicationClassLoader);
		this.baseline.accept(changes);
		if (!result.reloaded().isEmpty()) {
			logger.info("Reloaded " + result.reloaded().size() + " class(es) in "
					+ (System.nanoTime() - start) / 1_000_000 + " ms: " + String.join(", ", result.reloaded()));
		}
		return result;
	}

	/**
	 * Return the names of the classes whose class files changed since they were loaded,
	 * without reloading anything.
	 * @return the binary names of the changed classes
	 */
	public List<String> pendingChanges() {
		return this.baseline.changes().stream().map(ChangedClassFile::className).sorted().toList();
	}

	/**
	 * Take the one-off costs off the first continue: record the baseline, obtain the
	 * instrumentation and warm up redefinition with a no-op. Meant to run in the
	 * background when the first call parks; failures are left for continue to report.
	 */
	public void prepare() {
		try {
			this.baseline.record();
			Instrumentation instrumentation = this.instrumentationProvider.get();
			instrumentation
				.redefineClasses(new ClassDefinition(HotRestartAgent.class, ownBytes(HotRestartAgent.class)));
		}
		catch (RuntimeException | IOException | ClassNotFoundException | java.lang.instrument.UnmodifiableClassException
				| LinkageError ex) {
			logger.debug("Could not prepare class reloading in advance; continue will report why", ex);
		}
	}

	private static byte[] ownBytes(Class<?> type) throws IOException {
		try (InputStream stream = type.getResourceAsStream(type.getSimpleName() + ".class")) {
			if (stream == null) {
				throw new IOException("No class file for " + type.getName());
			}
			return stream.readAllBytes();
		}
	}

}

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

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Instruments application classes (see {@link ApplicationClasses}) as they are loaded
 * (unless told to defer that while an application starts), redefined or retransformed, so
 * that they record their local variables when an exception leaves them. The JVM also
 * passes it the class files a reload redefines classes with, so reloaded code records its
 * variables as well.
 * <p>
 * Classes whose class loader cannot see {@link ThrowSiteRecorder} are left alone, and so
 * is a class that cannot be instrumented (it loads as it is). Thread-safe; it may run on
 * any thread that loads a class.
 *
 * @author hot-restart authors
 */
final class LocalsTransformer implements ClassFileTransformer {

	private final ApplicationClasses applicationClasses;

	private final Map<ClassLoader, Boolean> recorderVisible = Collections.synchronizedMap(new WeakHashMap<>());

	private final AtomicInteger instrumented = new AtomicInteger();

	private volatile boolean deferring;

	private final Map<ClassLoader, Set<String>> instrumentedByLoader = Collections.synchronizedMap(new WeakHashMap<>());

	LocalsTransformer(ApplicationClasses applicationClasses) {
		this.applicationClasses = applicationClasses;
		// Instrumented code must find the recorder's classes loaded: a first use deep in
		// a
		// stack overflow would fail to load them
		ThrowSiteRecorder.prepare();
	}

	ApplicationClasses getApplicationClasses() {
		return this.applicationClasses;
	}

	/**
	 * Leave the classes loaded from now on as they are, until {@link #instrumentLoads()}.
	 * Redefinitions are still instrumented.
	 */
	void deferLoads() {
		this.deferring = true;
	}

	/**
	 * Instrument the classes loaded from now on.
	 */
	void instrumentLoads() {
		this.deferring = false;
	}

	/**
	 * Return how many class files this transformer has instrumented.
	 * @return the number of class files
	 */
	int getInstrumented() {
		return this.instrumented.get();
	}

	/**
	 * Return whether this transformer instrumented a class (as it was loaded or last
	 * redefined).
	 * @param type the class
	 * @return {@code true} if its code records its local variables
	 */
	boolean hasInstrumented(Class<?> type) {
		ClassLoader loader = type.getClassLoader();
		Set<String> names = (loader != null) ? this.instrumentedByLoader.get(loader) : null;
		return names != null && names.contains(type.getName().replace('.', '/'));
	}

	@Override
	public byte @Nullable [] transform(@Nullable ClassLoader loader, @Nullable String className,
			@Nullable Class<?> classBeingRedefined, @Nullable ProtectionDomain protectionDomain,
			byte[] classfileBuffer) {
		if (loader == null || className == null || (this.deferring && classBeingRedefined == null)) {
			return null;
		}
		try {
			if (!LocalsInstallation.isEnabled() || !this.applicationClasses.contains(className, protectionDomain)
					|| !seesRecorder(loader)) {
				return null;
			}
			byte[] instrumented = LocalsInstrumenter.instrument(classfileBuffer);
			if (instrumented != null) {
				this.instrumented.incrementAndGet();
				this.instrumentedByLoader.computeIfAbsent(loader, (key) -> ConcurrentHashMap.newKeySet())
					.add(className);
			}
			return instrumented;
		}
		catch (RuntimeException | LinkageError ex) {
			// The class loads as it is; only its local variables are not recorded
			LogFactory.getLog(LocalsTransformer.class)
				.debug("Could not instrument " + className + " to record its local variables", ex);
			return null;
		}
		catch (StackOverflowError ex) {
			// A class loaded deep in a stack overflow: it loads as it is
			return null;
		}
	}

	private boolean seesRecorder(ClassLoader loader) {
		Boolean known = this.recorderVisible.get(loader);
		if (known == null) {
			// Not under the map's lock: looking a class up may wait for the loader's lock
			known = loadsRecorder(loader);
			this.recorderVisible.put(loader, known);
		}
		return known;
	}

	private static boolean loadsRecorder(ClassLoader loader) {
		try {
			return Class.forName(ThrowSiteRecorder.class.getName(), false, loader) == ThrowSiteRecorder.class;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}

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

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.reload.HotRestartAgent;

/**
 * Whether, and since when, this JVM records the local variables of application frames.
 * One per JVM, as the instrumentation is: the {@link LocalsTransformer} is installed
 * once, by {@link #activate}, which also instruments the application classes already
 * loaded. {@link LocalsCapture} activates it once the application is ready when the JVM
 * runs with the {@code -javaagent} (so that failures have their locals from the start),
 * and otherwise when the first call parks (so that the next attempt has them).
 * <p>
 * Nothing is instrumented on the start-up path: from the start of an application
 * (including a DevTools restart) until {@link #activate} runs again, the classes it loads
 * are left for that activation to instrument in the background.
 * <p>
 * {@code hot-restart.capture-locals=false} switches recording off: as a system property
 * the agent's instrumentation is not even used for it; from the application's
 * configuration the transformer is removed as the application starts and the classes it
 * instrumented are restored. Thread-safe.
 *
 * @author hot-restart authors
 */
public final class LocalsInstallation {

	/** The property that switches recording off. */
	public static final String PROPERTY = "hot-restart.capture-locals";

	/** Some frame of the failure has its locals. */
	public static final String CAPTURED = "captured";

	/** Recording began after the failure: a continue without a change records them. */
	public static final String NEXT_ATTEMPT = "next-attempt";

	/**
	 * Recording was on, yet no frame was recorded (none of the failure's frames had any).
	 */
	public static final String NONE = "none";

	/** {@code hot-restart.capture-locals=false}. */
	public static final String OFF = "off";

	/** This JVM cannot record them (no instrumentation that can redefine classes). */
	public static final String UNAVAILABLE = "unavailable";

	private static volatile boolean enabled = true;

	private static volatile @Nullable Installed installed;

	private static volatile @Nullable String unavailable;

	private static int generation;

	private LocalsInstallation() {
	}

	/**
	 * Return the instrumentation of the {@code -javaagent}, if the JVM runs with it,
	 * unless the system property {@value #PROPERTY} is {@code false}: recording then
	 * starts once the application is ready, with no attach.
	 * @return the agent's instrumentation, or {@code null}
	 */
	static @Nullable Instrumentation agent() {
		if (Boolean.FALSE.toString().equalsIgnoreCase(System.getProperty(PROPERTY))) {
			return null;
		}
		return HotRestartAgent.startedWith();
	}

	/**
	 * Install the transformer, unless it is installed already, and instrument the
	 * application classes loaded so far whose class files are the ones in effect.
	 * @param instrumentation an instrumentation that can redefine classes
	 * @param applicationClasses the classes to instrument
	 * @param current whether a class file is the one in effect (unchanged since loaded,
	 * or reloaded): only those are redefined, others wait for the next reload
	 * @return how many loaded classes were instrumented
	 */
	public static int activate(Instrumentation instrumentation, ApplicationClasses applicationClasses,
			Predicate<Path> current) {
		return activate(instrumentation, applicationClasses, (type) -> true, current, generation());
	}

	/**
	 * Return the number of times recording has been switched off: an activation begun
	 * before a switch-off must not install anything after it.
	 * @return the current generation
	 */
	static synchronized int generation() {
		return generation;
	}

	/**
	 * Install the transformer, unless it is installed already, let it instrument classes
	 * as they load, and instrument the application classes loaded so far that it has not
	 * instrumented yet, that {@code accept} accepts, and whose class files are the ones
	 * in effect.
	 * @param instrumentation an instrumentation that can redefine classes
	 * @param applicationClasses the classes to instrument
	 * @param accept which of the loaded application classes to instrument now
	 * @param current whether a class file is the one in effect
	 * @param begunIn the {@link #generation()} in which the activation began: if
	 * recording has been switched off since, nothing is installed
	 * @return how many loaded classes were instrumented
	 */
	static synchronized int activate(Instrumentation instrumentation, ApplicationClasses applicationClasses,
			Predicate<Class<?>> accept, Predicate<Path> current, int begunIn) {
		if (!enabled || begunIn != generation) {
			return 0;
		}
		Installed active = installed;
		if (active == null) {
			LocalsTransformer transformer = new LocalsTransformer(applicationClasses);
			instrumentation.addTransformer(transformer, instrumentation.isRetransformClassesSupported());
			active = new Installed(instrumentation, transformer, System.currentTimeMillis());
		}
		LocalsTransformer transformer = active.transformer();
		transformer.instrumentLoads();
		int before = transformer.getInstrumented();
		LoadedClassRewriter.instrument(active.instrumentation(), transformer.getApplicationClasses(),
				(type) -> !transformer.hasInstrumented(type) && accept.test(type), current);
		installed = active;
		unavailable = null;
		return transformer.getInstrumented() - before;
	}

	/**
	 * Leave the classes loaded from now on to the next {@link #activate}, as an
	 * application (re)starts: instrumenting them as they load would slow its start-up.
	 */
	public static void deferLoads() {
		Installed current = installed;
		if (current != null) {
			current.transformer().deferLoads();
		}
	}

	/**
	 * Remember that recording cannot start in this JVM, and why.
	 * @param reason what went wrong
	 */
	static void markUnavailable(String reason) {
		unavailable = reason;
	}

	/**
	 * Return whether the transformer is installed: application classes loaded or
	 * redefined from now on record their local variables, and those loaded before have
	 * been instrumented.
	 * @return {@code true} once recording has started
	 */
	public static boolean isActive() {
		return installed != null;
	}

	/**
	 * Return whether recording is on: instrumented code records, and recorded locals are
	 * shown.
	 * @return {@code false} once switched off
	 */
	public static boolean isEnabled() {
		return enabled;
	}

	/**
	 * Switch recording on: it starts once the application is ready if the JVM runs with
	 * the {@code -javaagent}, else on the next park.
	 */
	public static void switchOn() {
		enabled = true;
	}

	/**
	 * Switch recording off: remove the transformer and restore the classes it
	 * instrumented.
	 */
	public static synchronized void switchOff() {
		generation++;
		enabled = false;
		unavailable = null;
		Installed current = installed;
		installed = null;
		if (current != null) {
			current.instrumentation().removeTransformer(current.transformer());
			LoadedClassRewriter.restore(current.instrumentation(), current.transformer());
		}
	}

	/**
	 * Say whether the locals of a parked failure were captured, and if not, why.
	 * @param captured whether any of its frames has locals
	 * @param failedAt when the failure parked
	 * @return {@value #CAPTURED}, {@value #NEXT_ATTEMPT}, {@value #NONE}, {@value #OFF}
	 * or {@value #UNAVAILABLE}
	 */
	public static String captureOf(boolean captured, Instant failedAt) {
		if (!enabled) {
			return OFF;
		}
		if (captured) {
			return CAPTURED;
		}
		if (unavailable != null) {
			return UNAVAILABLE;
		}
		Installed current = installed;
		return (current == null || current.since() >= failedAt.toEpochMilli()) ? NEXT_ATTEMPT : NONE;
	}

	private record Installed(Instrumentation instrumentation, LocalsTransformer transformer, long since) {

	}

}

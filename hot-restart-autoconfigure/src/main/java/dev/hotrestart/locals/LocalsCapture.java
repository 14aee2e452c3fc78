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
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import dev.hotrestart.park.ParkListener;
import dev.hotrestart.park.ParkedCall;

/**
 * Starts recording local variables, never on the application's start-up path, on a
 * background daemon thread:
 * <ul>
 * <li>once the application is ready, when the JVM runs with the {@code -javaagent}, so
 * that failures have their locals from the start;</li>
 * <li>otherwise when a call first parks, so that an application that never fails pays
 * nothing, not even the attach: the next attempt of the parked call (a continue, even
 * without a change) records the locals of its frames;</li>
 * <li>and again once an application restarted in the same JVM (DevTools) is ready, for
 * the classes its new class loader loaded.</li>
 * </ul>
 * Each time it instruments the application classes loaded so far, except those of the
 * frames the triggering thread is still running: a running frame of an older version of a
 * class would lose its file and line in the stack traces of later exceptions, and the
 * locals of those frames could not be recorded anyway.
 * <p>
 * Thread-safe; {@link #parked} and {@link #onApplicationEvent} return at once.
 *
 * @author hot-restart authors
 */
public class LocalsCapture implements ParkListener, ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(LocalsCapture.class);

	private final Supplier<Instrumentation> instrumentation;

	private final ApplicationClasses applicationClasses;

	private final Predicate<Path> current;

	private final AtomicBoolean activating = new AtomicBoolean();

	/**
	 * Create an instance for the given class directories.
	 * @param instrumentation supplies the instrumentation (attaching to this JVM if need
	 * be, which happens only when a call parks)
	 * @param classDirectories the application's class directories
	 * @param current whether a class file is the one in effect (unchanged since loaded,
	 * or reloaded): the loaded classes whose files changed are instrumented when they are
	 * reloaded
	 */
	public LocalsCapture(Supplier<Instrumentation> instrumentation, List<Path> classDirectories,
			Predicate<Path> current) {
		this.instrumentation = instrumentation;
		this.applicationClasses = new ApplicationClasses(classDirectories);
		this.current = current;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (LocalsInstallation.isEnabled() && (LocalsInstallation.isActive() || LocalsInstallation.agent() != null)) {
			start("the application is ready");
		}
	}

	@Override
	public void parked(ParkedCall call) {
		resolveStackTraces(call.getFailure().exception());
		if (LocalsInstallation.isEnabled() && !LocalsInstallation.isActive()) {
			start("a call parked");
		}
	}

	private void start(String reason) {
		if (this.activating.compareAndSet(false, true)) {
			Set<String> running = classesOf(Thread.currentThread().getStackTrace());
			int generation = LocalsInstallation.generation();
			// A plain thread: an executor would load classes on the start-up path
			Thread thread = new Thread(() -> activate(running, reason, generation), "hot-restart-locals");
			thread.setDaemon(true);
			thread.start();
		}
	}

	/**
	 * Resolve the stack traces of an exception and its causes to files and lines now: the
	 * JVM does it lazily, and a frame of a class redefined meanwhile would lose both.
	 */
	private static void resolveStackTraces(Throwable exception) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = exception; current != null && seen.add(current); current = current.getCause()) {
			current.getStackTrace();
		}
	}

	private static Set<String> classesOf(StackTraceElement[] stack) {
		Set<String> classes = new HashSet<>();
		for (StackTraceElement element : stack) {
			classes.add(element.getClassName());
		}
		return classes;
	}

	/**
	 * Install the transformer, if need be, and instrument the loaded application classes,
	 * on the calling thread.
	 * @param running the classes of the frames the triggering thread is still running,
	 * which are left as they are
	 * @param reason why recording starts now, for the log
	 * @param generation the {@link LocalsInstallation#generation()} when it was decided
	 */
	void activate(Set<String> running, String reason, int generation) {
		try {
			boolean first = !LocalsInstallation.isActive();
			Instrumentation instrumentation = this.instrumentation.get();
			long start = System.nanoTime();
			int instrumented = LocalsInstallation.activate(instrumentation, this.applicationClasses,
					(type) -> !running.contains(type.getName()), this.current, generation);
			String took = " (instrumented " + instrumented + " loaded class(es) in "
					+ (System.nanoTime() - start) / 1_000_000 + " ms)";
			if (!first) {
				logger.debug("Recording the local variables of the classes loaded since the start" + took);
			}
			else if (LocalsInstallation.agent() != null) {
				logger.info("Recording the local variables of application frames from now on" + took);
			}
			else {
				logger.info("Recording the local variables of application frames from now on" + took
						+ ": continue a parked call, even without a change, to see them. Start the JVM with "
						+ "-javaagent:<hot-restart-autoconfigure.jar> to have them from the first failure.");
			}
		}
		catch (RuntimeException ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.toString();
			LocalsInstallation.markUnavailable(message);
			logger.warn("Cannot record the local variables of failing frames (" + reason + "): " + message
					+ ". Parked calls work as before, without them. Start the JVM with "
					+ "-javaagent:<hot-restart-autoconfigure.jar> to record them, or set "
					+ "hot-restart.capture-locals=false to stop trying.");
		}
		finally {
			this.activating.set(false);
		}
	}

}

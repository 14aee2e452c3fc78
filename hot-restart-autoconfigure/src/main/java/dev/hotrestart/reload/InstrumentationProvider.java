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

import java.lang.instrument.Instrumentation;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Supplies the {@link Instrumentation} used to redefine classes: the one handed to
 * {@link HotRestartAgent} by {@code -javaagent:}, or else one obtained by attaching to
 * this JVM with Byte Buddy's agent on first need (never at start-up). Thread-safe; the
 * attach happens at most once successfully.
 *
 * @author hot-restart authors
 */
public class InstrumentationProvider {

	private static final Log logger = LogFactory.getLog(InstrumentationProvider.class);

	private static final String BYTE_BUDDY_AGENT = "net.bytebuddy.agent.ByteBuddyAgent";

	private volatile @Nullable Instrumentation instrumentation;

	/**
	 * Return the instrumentation, attaching to this JVM if no agent supplied one.
	 * @return an instrumentation that can redefine classes
	 * @throws InstrumentationUnavailableException if none can be had
	 */
	public Instrumentation get() {
		Instrumentation current = this.instrumentation;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (this.instrumentation == null) {
				this.instrumentation = obtain();
			}
			return this.instrumentation;
		}
	}

	private Instrumentation obtain() {
		Instrumentation fromAgent = HotRestartAgent.installed();
		if (fromAgent != null) {
			return requireRedefinition(fromAgent, "the -javaagent");
		}
		if (!ClassUtils.isPresent(BYTE_BUDDY_AGENT, getClass().getClassLoader())) {
			throw new InstrumentationUnavailableException(
					"no -javaagent was given and net.bytebuddy:byte-buddy-agent is not on the class path", null);
		}
		long start = System.nanoTime();
		Instrumentation attached = ByteBuddyAttach.install();
		logger.info("Attached to this JVM to redefine classes in " + (System.nanoTime() - start) / 1_000_000
				+ " ms; start the JVM with -javaagent:<hot-restart-autoconfigure.jar> to skip this step");
		return requireRedefinition(attached, "the attached agent");
	}

	private static Instrumentation requireRedefinition(Instrumentation instrumentation, String source) {
		if (!instrumentation.isRedefineClassesSupported()) {
			throw new InstrumentationUnavailableException(
					source + " does not allow class redefinition (Can-Redefine-Classes is not true)", null);
		}
		return instrumentation;
	}

	/**
	 * Isolates Byte Buddy so that this class loads without it.
	 */
	private static final class ByteBuddyAttach {

		static Instrumentation install() {
			try {
				return net.bytebuddy.agent.ByteBuddyAgent.install();
			}
			catch (RuntimeException | LinkageError ex) {
				throw new InstrumentationUnavailableException("attaching to this JVM failed (" + ex + ")", ex);
			}
		}

	}

}

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

import org.jspecify.annotations.Nullable;

/**
 * Java agent entry points of the {@code hot-restart-autoconfigure} jar. Starting the JVM
 * with {@code -javaagent:path/to/hot-restart-autoconfigure.jar} hands hot restart an
 * {@link Instrumentation} up front, so it never needs to attach at run time (no attach
 * delay on the first continue, and no dynamic-agent warning on JDK 21+), and lets it
 * record the local variables of failing frames from the start.
 *
 * @author hot-restart authors
 */
public final class HotRestartAgent {

	private static volatile @Nullable Instrumentation instrumentation;

	private static volatile @Nullable Instrumentation fromStartUp;

	private HotRestartAgent() {
	}

	/**
	 * Entry point for {@code -javaagent:}: keeps the instrumentation, for reloading and
	 * for recording local variables once the application is ready. Costs start-up nothing
	 * more.
	 * @param arguments the agent arguments (unused)
	 * @param instrumentation the JVM's instrumentation
	 */
	public static void premain(@Nullable String arguments, Instrumentation instrumentation) {
		HotRestartAgent.instrumentation = instrumentation;
		fromStartUp = instrumentation;
	}

	/**
	 * Entry point for loading the agent into a running JVM.
	 * @param arguments the agent arguments (unused)
	 * @param instrumentation the JVM's instrumentation
	 */
	public static void agentmain(@Nullable String arguments, Instrumentation instrumentation) {
		HotRestartAgent.instrumentation = instrumentation;
	}

	static @Nullable Instrumentation installed() {
		return instrumentation;
	}

	/**
	 * Return the instrumentation the JVM started with, through {@code -javaagent}, as
	 * opposed to one an attach at run time brought.
	 * @return the instrumentation of {@code -javaagent}, or {@code null} without it
	 */
	public static @Nullable Instrumentation startedWith() {
		return fromStartUp;
	}

}

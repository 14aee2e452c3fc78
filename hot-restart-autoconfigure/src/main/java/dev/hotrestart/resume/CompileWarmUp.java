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

package dev.hotrestart.resume;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import dev.hotrestart.compile.ChangedSourceCompiler;
import dev.hotrestart.park.ParkListener;
import dev.hotrestart.park.ParkedCall;

/**
 * Takes the one-off costs of compiling saved sources off the application's start-up and
 * off the first continue: once the application is ready it records the sources as the
 * running classes were compiled from them, and when the first call parks it loads the
 * compiler and the annotation processors by compiling the parked class's source once,
 * each on a background daemon thread.
 *
 * @author hot-restart authors
 */
public class CompileWarmUp implements ApplicationListener<ApplicationReadyEvent>, ParkListener {

	private final ChangedSourceCompiler compiler;

	private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("hot-restart-prepare-compile-");

	private final AtomicBoolean prepared = new AtomicBoolean();

	/**
	 * Create the warm-up.
	 * @param compiler the compiler to prepare
	 */
	public CompileWarmUp(ChangedSourceCompiler compiler) {
		this.compiler = compiler;
		this.executor.setDaemon(true);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		this.executor.execute(this.compiler::recordBaseline);
	}

	@Override
	public void parked(ParkedCall call) {
		if (this.prepared.compareAndSet(false, true)) {
			this.executor.execute(() -> this.compiler.prepare(call.getSite().className()));
		}
	}

}

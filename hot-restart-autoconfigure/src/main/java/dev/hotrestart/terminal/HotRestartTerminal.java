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

package dev.hotrestart.terminal;

import java.io.PrintStream;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

import dev.hotrestart.park.ParkListener;
import dev.hotrestart.park.ParkedCall;

/**
 * Hot restart's terminal, as Python's {@code hot_restart} offers with pdb: when a call
 * parks it prints the call (method, arguments, exception, the first frame of the
 * application's code) and the commands, and it runs the commands typed on standard input
 * (see {@link TerminalCommands}), printing their outcomes. For applications without a web
 * server, where neither the endpoint nor the console exists.
 * <p>
 * It receives lines while the application context runs; standard input itself is read by
 * one daemon thread per JVM (see {@link InputLines}), which never keeps the JVM alive.
 * Commands run on that thread, one at a time; the parked-call block prints on the parked
 * thread. Thread-safe.
 *
 * @author hot-restart authors
 */
public class HotRestartTerminal implements SmartLifecycle, ParkListener {

	private static final Log logger = LogFactory.getLog(HotRestartTerminal.class);

	private final TerminalCommands commands;

	private final ParkedCallFormat format;

	private final InputLines input;

	private final PrintStream output;

	private final Consumer<String> receiver = this::run;

	private volatile boolean running;

	/**
	 * Create a terminal on standard input and standard output.
	 * @param commands the commands
	 * @param format renders parked calls
	 */
	public HotRestartTerminal(TerminalCommands commands, ParkedCallFormat format) {
		this(commands, format, InputLines.standard(), System.out);
	}

	HotRestartTerminal(TerminalCommands commands, ParkedCallFormat format, InputLines input, PrintStream output) {
		this.commands = commands;
		this.format = format;
		this.input = input;
		this.output = output;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.input.stopReceiving(this.receiver);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void parked(ParkedCall call) {
		print(this.format.parked(call));
		if (this.running) {
			this.input.receive(this.receiver);
		}
	}

	private void run(String line) {
		try {
			String answer = this.commands.run(line);
			if (!answer.isEmpty()) {
				print(answer);
			}
		}
		catch (RuntimeException ex) {
			logger.error("The hot restart terminal could not run '" + line.trim() + "'", ex);
		}
	}

	private void print(String text) {
		this.output.println(text);
		this.output.flush();
	}

}

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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The lines of an input stream, read on a daemon thread of their own and handed to
 * whoever receives them now. Standard input has one reader per JVM ({@link #standard()}),
 * whose receiver changes when the application context restarts (DevTools): a second
 * reader would race the first for every line. The stream may be a pipe, as in an IDE's
 * run console; no terminal device is needed. At the end of input the reader ends quietly,
 * and being a daemon it never keeps the JVM alive.
 * <p>
 * Thread-safe: receivers come and go on any thread; lines are handed over on the reader
 * thread, one at a time, and dropped while nobody receives them.
 *
 * @author hot-restart authors
 */
final class InputLines {

	private static final Log logger = LogFactory.getLog(InputLines.class);

	private static final InputLines STANDARD = new InputLines(System.in, "hot-restart-terminal");

	private final InputStream input;

	private final String threadName;

	private final AtomicReference<@Nullable Consumer<String>> receiver = new AtomicReference<>();

	private @Nullable Thread reader;

	InputLines(InputStream input, String threadName) {
		this.input = input;
		this.threadName = threadName;
	}

	/**
	 * Return the lines of standard input.
	 * @return the one instance for this JVM
	 */
	static InputLines standard() {
		return STANDARD;
	}

	/**
	 * Hand every line from now on to {@code receiver}, in place of any earlier one, and
	 * start reading if nothing reads yet.
	 * @param receiver runs on the reader thread for each line
	 */
	void receive(Consumer<String> receiver) {
		if (this.receiver.getAndSet(receiver) == receiver) {
			return;
		}
		synchronized (this) {
			if (this.reader == null) {
				Thread thread = new Thread(this::read, this.threadName);
				thread.setDaemon(true);
				this.reader = thread;
				thread.start();
			}
		}
	}

	/**
	 * Stop handing lines to {@code receiver}, unless another one has taken over.
	 * @param receiver the receiver that no longer wants lines
	 */
	void stopReceiving(Consumer<String> receiver) {
		this.receiver.compareAndSet(receiver, null);
	}

	/**
	 * Return whether the reader is still reading.
	 * @return {@code false} before the first receiver and after the end of input
	 */
	synchronized boolean isReading() {
		return this.reader != null && this.reader.isAlive();
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(this.input, Charset.defaultCharset()))) {
			String line;
			while ((line = lines.readLine()) != null) {
				Consumer<String> current = this.receiver.get();
				if (current != null) {
					current.accept(line);
				}
			}
			logger.debug("End of standard input: the hot restart terminal stops reading");
		}
		catch (IOException ex) {
			logger.debug("Standard input cannot be read any more: the hot restart terminal stops reading", ex);
		}
	}

}

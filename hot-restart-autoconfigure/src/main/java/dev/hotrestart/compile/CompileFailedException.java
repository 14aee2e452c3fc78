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

package dev.hotrestart.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import dev.hotrestart.reload.ReloadException;

/**
 * Thrown when saved sources do not compile. Nothing was written to the class directories
 * and nothing was reloaded, so a parked call stays parked; the message names the first
 * error and {@link #getErrors()} lists them all.
 *
 * @author hot-restart authors
 */
public class CompileFailedException extends ReloadException {

	private final List<CompileError> errors;

	private final List<String> classNames;

	/**
	 * Create an exception.
	 * @param errors the compiler's errors, at least one
	 * @param classNames the binary names of the top-level classes of the sources that
	 * were compiled
	 */
	public CompileFailedException(List<CompileError> errors, List<String> classNames) {
		super(summary(errors) + " Nothing was reloaded and the call stays parked; fix the source, save it and "
				+ "continue again, or abort the call.", null);
		this.errors = List.copyOf(errors);
		this.classNames = List.copyOf(classNames);
	}

	/**
	 * Return the compiler's errors.
	 * @return the errors, in the order the compiler reported them
	 */
	public List<CompileError> getErrors() {
		return this.errors;
	}

	/**
	 * Return the classes whose sources were compiled.
	 * @return the binary names of their top-level classes
	 */
	public List<String> getClassNames() {
		return this.classNames;
	}

	/**
	 * Describe every error as javac prints them, for a log or a terminal.
	 * @return the errors, one block of lines each
	 */
	public String describeErrors() {
		return this.errors.stream().map(CompileError::describe).collect(Collectors.joining("\n"));
	}

	private static String summary(List<CompileError> errors) {
		StringBuilder summary = new StringBuilder("The saved source does not compile");
		if (errors.isEmpty()) {
			return summary.append('.').toString();
		}
		CompileError first = errors.get(0);
		summary.append(": ");
		if (first.file() != null) {
			summary.append(Path.of(first.file()).getFileName());
			if (first.line() > 0) {
				summary.append(':').append(first.line());
			}
			summary.append(": ");
		}
		summary.append(first.message().lines().findFirst().orElse(""));
		int more = errors.size() - 1;
		if (more > 0) {
			summary.append(" (and ").append(more).append((more == 1) ? " more error)" : " more errors)");
		}
		return summary.append('.').toString();
	}

}

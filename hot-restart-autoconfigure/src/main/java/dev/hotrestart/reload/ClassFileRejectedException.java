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

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a changed class file cannot be loaded at all: it is empty or truncated (a
 * build may be writing it right now), compiled for a newer Java, or otherwise invalid.
 * Nothing was reloaded and the parked call stays parked; once the files are good, a later
 * continue reloads them.
 *
 * @author hot-restart authors
 */
public class ClassFileRejectedException extends ReloadException {

	private final List<RejectedClassFile> files;

	/**
	 * Create an exception.
	 * @param files the rejected files and why
	 * @param cause the JVM's own error, if it came to that
	 */
	public ClassFileRejectedException(List<RejectedClassFile> files, @Nullable Throwable cause) {
		super(files.stream().map(RejectedClassFile::describe).collect(Collectors.joining("; "))
				+ ". Nothing was reloaded and the call stays parked; continue again once the class files are good, "
				+ "or abort the call.", cause);
		this.files = List.copyOf(files);
	}

	/**
	 * Return the rejected class files.
	 * @return the files and why each was rejected
	 */
	public List<RejectedClassFile> getFiles() {
		return this.files;
	}

	/**
	 * A class file that cannot be loaded.
	 *
	 * @param className the binary name of its class, as its path says
	 * @param file the absolute path of the class file
	 * @param cause why it cannot be loaded, completing "The class file ... "
	 */
	public record RejectedClassFile(String className, String file, String cause) {

		String describe() {
			return "The class file " + this.file + " " + this.cause;
		}

	}

}

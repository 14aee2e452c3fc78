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

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.reload.ReloadException;

/**
 * Thrown when saved sources changed but hot restart cannot compile them in this JVM: it
 * has no Java compiler, the sources are not Java (Kotlin, Groovy), or they need an
 * annotation processor that is not on the application's class path. Nothing was reloaded,
 * so a parked call stays parked; the message says what to do.
 *
 * @author hot-restart authors
 */
public class CompileUnavailableException extends ReloadException {

	/**
	 * Create an exception.
	 * @param reason what prevents compiling and what to do, as one or more sentences
	 */
	public CompileUnavailableException(String reason) {
		this(reason, null);
	}

	/**
	 * Create an exception.
	 * @param reason what prevents compiling and what to do, as one or more sentences
	 * @param cause the error that told, if any
	 */
	public CompileUnavailableException(String reason, @Nullable Throwable cause) {
		super(reason + " Nothing was reloaded and the call stays parked; you can still abort it.", cause);
	}

	/**
	 * Create the exception for a JVM without a Java compiler.
	 * @param files the names of the changed source files
	 * @return the exception
	 */
	static CompileUnavailableException noCompiler(List<String> files) {
		return new CompileUnavailableException(String.join(", ", files) + changedSince(files.size())
				+ ", but this JVM has no Java compiler (it runs on a JRE, or on a runtime built without the "
				+ "jdk.compiler module). Run the application on a JDK, or compile with your build (your IDE, or "
				+ "mvn compile) and continue again.");
	}

	/**
	 * Create the exception for changed sources in other languages than Java.
	 * @param files the names of the changed source files, each with its language
	 * @return the exception
	 */
	static CompileUnavailableException otherLanguages(List<String> files) {
		return new CompileUnavailableException("Hot restart compiles only Java sources, and " + String.join(", ", files)
				+ changedSince(files.size()) + ": compile " + ((files.size() == 1) ? "it" : "them")
				+ " with your build (your IDE, mvn compile or gradle classes) and continue again.");
	}

	/**
	 * Create the exception for a compiler that failed rather than report errors, as when
	 * an annotation processor throws.
	 * @param files the names of the source files being compiled
	 * @param failure what the compiler threw
	 * @return the exception
	 */
	static CompileUnavailableException compilerFailed(List<String> files, Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return new CompileUnavailableException("Compiling " + String.join(", ", files) + " failed inside the compiler: "
				+ cause + ". An annotation processor on the class path may not support this JDK (an old Lombok, for "
				+ "example): compile with your build (your IDE, or mvn compile) and continue again.", failure);
	}

	private static String changedSince(int count) {
		return (count == 1) ? " changed since it was compiled" : " changed since they were compiled";
	}

}

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

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.compile.CompileError;
import dev.hotrestart.compile.CompileFailedException;
import dev.hotrestart.compile.CompileUnavailableException;
import dev.hotrestart.reload.ClassFileRejectedException;
import dev.hotrestart.reload.ClassFileRejectedException.RejectedClassFile;
import dev.hotrestart.reload.ReloadException;
import dev.hotrestart.reload.ReloadNote;
import dev.hotrestart.reload.ReloadRefusedException;
import dev.hotrestart.reload.ReloadResult;

/**
 * What became of the classes recompiled (or the sources saved) most recently while calls
 * were parked, told the moment the build landed: applied in the running JVM, refused by
 * it, not loadable, or not compiled.
 *
 * @param at when the build landed
 * @param state what became of it
 * @param classes the classes it concerned: those applied, or those whose change was
 * refused or whose class file was rejected
 * @param warnings what an applied change did not do, for example a changed static
 * initialiser whose new values will not take effect
 * @param refusals why the JVM cannot apply a refused change, member by member
 * @param files the class files that cannot be loaded, for a rejected build
 * @param error what went wrong and what to do, or {@code null} when it was applied
 * @param compiled the saved source files hot restart compiled, for an applied change
 * @param compileErrors the compiler's errors, for a change that did not compile
 * @author hot-restart authors
 */
public record LatestChange(Instant at, State state, List<String> classes, List<ReloadNote> warnings,
		List<ReloadNote> refusals, List<RejectedClassFile> files, @Nullable String error, List<String> compiled,
		List<CompileError> compileErrors) {

	static LatestChange applied(Instant at, SavedChange change) {
		ReloadResult result = change.reload();
		List<String> classes = new ArrayList<>(result.reloaded());
		classes.addAll(result.notLoaded());
		List<String> compiled = change.compiled().sources().stream().map(Path::toString).toList();
		return new LatestChange(at, State.APPLIED, List.copyOf(classes), result.warnings(), List.of(), List.of(), null,
				compiled, List.of());
	}

	static LatestChange failed(Instant at, ReloadException failure) {
		if (failure instanceof ReloadRefusedException refused) {
			return new LatestChange(at, State.REFUSED, refused.getClassNames(), List.of(), refused.getRefusals(),
					List.of(), failure.getMessage(), List.of(), List.of());
		}
		if (failure instanceof ClassFileRejectedException rejected) {
			List<String> classes = rejected.getFiles().stream().map(RejectedClassFile::className).toList();
			return new LatestChange(at, State.REJECTED, classes, List.of(), List.of(), rejected.getFiles(),
					failure.getMessage(), List.of(), List.of());
		}
		if (failure instanceof CompileFailedException notCompiled) {
			return new LatestChange(at, State.COMPILE_FAILED, notCompiled.getClassNames(), List.of(), List.of(),
					List.of(), failure.getMessage(), List.of(), notCompiled.getErrors());
		}
		if (failure instanceof CompileUnavailableException) {
			return new LatestChange(at, State.COMPILE_FAILED, List.of(), List.of(), List.of(), List.of(),
					failure.getMessage(), List.of(), List.of());
		}
		return new LatestChange(at, State.UNAVAILABLE, List.of(), List.of(), List.of(), List.of(), failure.getMessage(),
				List.of(), List.of());
	}

	/**
	 * What became of a build.
	 */
	public enum State {

		/**
		 * Redefined in the running JVM: every call now runs the new code.
		 */
		APPLIED("applied"),

		/**
		 * The JVM cannot apply the change: nothing was redefined.
		 */
		REFUSED("refused"),

		/**
		 * A class file cannot be loaded (a build may still be writing it): nothing was
		 * redefined.
		 */
		REJECTED("rejected"),

		/**
		 * Classes cannot be redefined in this JVM at all.
		 */
		UNAVAILABLE("unavailable"),

		/**
		 * The saved sources do not compile, or cannot be compiled here: nothing was
		 * compiled into the class directories or redefined.
		 */
		COMPILE_FAILED("compile-failed");

		private final String value;

		State(String value) {
			this.value = value;
		}

		/**
		 * Return the state as the endpoint's JSON spells it.
		 * @return a lower-case word such as {@code applied}
		 */
		public String value() {
			return this.value;
		}

	}

}

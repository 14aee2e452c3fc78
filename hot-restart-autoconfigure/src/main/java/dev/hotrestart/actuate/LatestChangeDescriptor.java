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

package dev.hotrestart.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.actuate.ContinueDescriptor.ReloadNoteDescriptor;
import dev.hotrestart.actuate.EndpointErrors.CompileErrorDescriptor;
import dev.hotrestart.actuate.EndpointErrors.RejectedClassFileDescriptor;
import dev.hotrestart.resume.LatestChange;

/**
 * What became of the latest build that changed classes while calls were parked, as the
 * endpoint lists it.
 *
 * @param at when the build landed (ISO-8601)
 * @param state {@code applied} (every call runs the new code now; continue only calls
 * again), {@code refused} (the JVM cannot apply the change), {@code rejected} (a class
 * file cannot be loaded), {@code unavailable} (this JVM cannot redefine classes) or
 * {@code compile-failed} (the saved sources do not compile, or cannot be compiled here)
 * @param classes the classes applied, refused or rejected
 * @param warnings what an applied change did not do
 * @param refusals why the JVM cannot apply a refused change
 * @param files the class files that cannot be loaded
 * @param error what went wrong and what to do, or {@code null} when applied
 * @param compiled the saved source files hot restart compiled, for {@code applied}
 * @param compileErrors the compiler's errors, for {@code compile-failed}
 * @author hot-restart authors
 */
public record LatestChangeDescriptor(String at, String state, List<String> classes, List<ReloadNoteDescriptor> warnings,
		List<ReloadNoteDescriptor> refusals, List<RejectedClassFileDescriptor> files, @Nullable String error,
		List<String> compiled, List<CompileErrorDescriptor> compileErrors) {

	static @Nullable LatestChangeDescriptor of(@Nullable LatestChange change) {
		if (change == null) {
			return null;
		}
		return new LatestChangeDescriptor(change.at().toString(), change.state().value(), change.classes(),
				ReloadNoteDescriptor.of(change.warnings()), ReloadNoteDescriptor.of(change.refusals()),
				RejectedClassFileDescriptor.of(change.files()), change.error(), change.compiled(),
				CompileErrorDescriptor.of(change.compileErrors()));
	}

}

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

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A new class file read in full: its {@link ClassShape}, and what explaining a refused
 * change needs besides (where its code uses lambdas, nested classes and fields, and what
 * kind of class each nested class is).
 *
 * @param shape the structure
 * @param firstUses for each used lambda method ({@code lambda:name}), class
 * ({@code class:internal/Name}) and own field ({@code field:name}), the first method
 * whose code uses it
 * @param innerClasses the entries of the {@code InnerClasses} attribute by internal name
 * @author hot-restart authors
 */
record ParsedClassFile(ClassShape shape, Map<String, ClassShape.Member> firstUses,
		Map<String, InnerClass> innerClasses) {

	ClassShape.@Nullable Member firstUse(String reference) {
		return this.firstUses.get(reference);
	}

	/**
	 * An entry of the {@code InnerClasses} attribute.
	 *
	 * @param outerName the enclosing class, {@code null} for local and anonymous classes
	 * @param innerName the simple name, {@code null} for anonymous classes
	 * @param access the access flags of the nested class
	 */
	record InnerClass(@Nullable String outerName, @Nullable String innerName, int access) {

	}

}

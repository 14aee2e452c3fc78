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

import org.jspecify.annotations.Nullable;

/**
 * The structure of a class file, as far as class redefinition cares: what the JVM refuses
 * to change (class modifiers, superclass, interfaces, fields, methods, nest, sealed and
 * record attributes) and what it accepts without effect (a static initialiser). Kept for
 * every class file of the baseline instead of its bytes, so it stays small: names and
 * descriptors only, and a hash of the static initialiser.
 *
 * @param access the class access flags as in the class file
 * @param name the internal name, for example {@code com/example/Outer$Inner}
 * @param superName the internal name of the superclass, {@code null} for
 * {@code java.lang.Object}
 * @param interfaces the internal names of the direct interfaces, in declaration order
 * @param fields the fields, in class file order (the JVM compares them in order)
 * @param methods the methods and constructors, including {@code <clinit>}
 * @param nestHost the nest host, for a nested class
 * @param nestMembers the nest members, for a nest host
 * @param permittedSubclasses the permitted subclasses, for a sealed class
 * @param recordComponents the record components as {@code name:descriptor:signature}
 * @param staticInitializerHash a hash of the code of {@code <clinit>}, 0 without one
 * @author hot-restart authors
 */
record ClassShape(int access, String name, @Nullable String superName, List<String> interfaces, List<Member> fields,
		List<Member> methods, @Nullable String nestHost, List<String> nestMembers, List<String> permittedSubclasses,
		List<String> recordComponents, long staticInitializerHash) {

	/**
	 * Return the binary name of the class, for example {@code com.example.Outer$Inner}.
	 * @return the binary name
	 */
	String className() {
		return this.name.replace('/', '.');
	}

	/**
	 * A field or a method.
	 *
	 * @param access the access flags as in the class file
	 * @param name the name
	 * @param descriptor the descriptor
	 * @param constant the constant value of a {@code static final} field, or {@code null}
	 */
	record Member(int access, String name, String descriptor, @Nullable Object constant) {

		String key() {
			return this.name + this.descriptor;
		}

	}

}

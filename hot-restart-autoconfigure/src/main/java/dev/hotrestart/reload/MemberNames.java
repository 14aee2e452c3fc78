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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

/**
 * Renders classes, members, types and modifiers the way a developer wrote them: simple
 * names, {@code quote(String,int)}, {@code public static}.
 *
 * @author hot-restart authors
 */
final class MemberNames {

	static final String CONSTRUCTOR = "<init>";

	static final String STATIC_INITIALIZER = "<clinit>";

	private static final Object[][] METHOD_MODIFIERS = { { Opcodes.ACC_PUBLIC, "public" },
			{ Opcodes.ACC_PROTECTED, "protected" }, { Opcodes.ACC_PRIVATE, "private" },
			{ Opcodes.ACC_ABSTRACT, "abstract" }, { Opcodes.ACC_STATIC, "static" }, { Opcodes.ACC_FINAL, "final" },
			{ Opcodes.ACC_SYNCHRONIZED, "synchronized" }, { Opcodes.ACC_NATIVE, "native" },
			{ Opcodes.ACC_STRICT, "strictfp" }, { Opcodes.ACC_VARARGS, "varargs" }, { Opcodes.ACC_BRIDGE, "bridge" },
			{ Opcodes.ACC_SYNTHETIC, "synthetic" } };

	private static final Object[][] FIELD_MODIFIERS = { { Opcodes.ACC_PUBLIC, "public" },
			{ Opcodes.ACC_PROTECTED, "protected" }, { Opcodes.ACC_PRIVATE, "private" },
			{ Opcodes.ACC_STATIC, "static" }, { Opcodes.ACC_FINAL, "final" }, { Opcodes.ACC_TRANSIENT, "transient" },
			{ Opcodes.ACC_VOLATILE, "volatile" }, { Opcodes.ACC_SYNTHETIC, "synthetic" } };

	private static final Object[][] CLASS_MODIFIERS = { { Opcodes.ACC_PUBLIC, "public" },
			{ Opcodes.ACC_ABSTRACT, "abstract" }, { Opcodes.ACC_FINAL, "final" },
			{ Opcodes.ACC_INTERFACE, "interface" }, { Opcodes.ACC_ANNOTATION, "annotation" },
			{ Opcodes.ACC_ENUM, "enum" }, { Opcodes.ACC_SYNTHETIC, "synthetic" } };

	private MemberNames() {
	}

	/**
	 * Return the simple name of a class, keeping {@code $} of nested classes.
	 * @param internalName the internal or binary name
	 * @return for example {@code QuoteService$1}
	 */
	static String simpleName(String internalName) {
		String name = internalName.replace('/', '.');
		return name.substring(name.lastIndexOf('.') + 1);
	}

	/**
	 * Return a method as {@code quote(String,int)}, a constructor as
	 * {@code QuoteService(String)} and a static initialiser as
	 * {@code static initialiser}.
	 * @param owner the internal name of the declaring class
	 * @param method the method
	 * @return the signature
	 */
	static String signature(String owner, ClassShape.Member method) {
		if (STATIC_INITIALIZER.equals(method.name())) {
			return "static initialiser";
		}
		String name = CONSTRUCTOR.equals(method.name()) ? simpleName(owner) : method.name();
		return name + parameters(method.descriptor());
	}

	/**
	 * Return a method qualified with its class, as
	 * {@code QuoteService.quote(String,int)}.
	 * @param owner the internal name of the declaring class
	 * @param method the method
	 * @return the qualified signature
	 */
	static String qualified(String owner, ClassShape.Member method) {
		if (CONSTRUCTOR.equals(method.name())) {
			return signature(owner, method);
		}
		if (STATIC_INITIALIZER.equals(method.name())) {
			return simpleName(owner) + " (static initialiser)";
		}
		return simpleName(owner) + "." + signature(owner, method);
	}

	/**
	 * Return the parameter list of a method descriptor, as {@code (String,int)}.
	 * @param descriptor the method descriptor
	 * @return the parameter list
	 */
	static String parameters(String descriptor) {
		return "(" + List.of(Type.getArgumentTypes(descriptor))
			.stream()
			.map((type) -> type(type.getDescriptor()))
			.collect(Collectors.joining(",")) + ")";
	}

	/**
	 * Return a type descriptor as a simple type name, as {@code String[]}.
	 * @param descriptor the field or return type descriptor
	 * @return the simple type name
	 */
	static String type(String descriptor) {
		String name = Type.getType(descriptor).getClassName();
		int dimensions = name.indexOf('[');
		String element = (dimensions >= 0) ? name.substring(0, dimensions) : name;
		return simpleName(element) + ((dimensions >= 0) ? name.substring(dimensions) : "");
	}

	static String methodModifiers(int access) {
		return modifiers(access, METHOD_MODIFIERS);
	}

	static String fieldModifiers(int access) {
		return modifiers(access, FIELD_MODIFIERS);
	}

	static String classModifiers(int access) {
		return modifiers(access, CLASS_MODIFIERS);
	}

	private static String modifiers(int access, Object[][] table) {
		List<String> words = new ArrayList<>();
		for (Object[] entry : table) {
			if ((access & (int) entry[0]) != 0) {
				words.add((String) entry[1]);
			}
		}
		return words.isEmpty() ? "package-private" : String.join(" ", words);
	}

	/**
	 * Return the internal names of classes as a list of simple names.
	 * @param internalNames the internal names
	 * @return for example {@code Supplier, Runnable}, or {@code none}
	 */
	static String simpleNames(List<String> internalNames) {
		return internalNames.isEmpty() ? "none"
				: internalNames.stream().map(MemberNames::simpleName).collect(Collectors.joining(", "));
	}

}

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

/**
 * Explains the changes of a class's methods. The JVM replaces method bodies only: it
 * refuses a new or removed method or constructor, a changed parameter list or return type
 * and changed modifiers. Lambdas are methods too ({@code lambda$quote$0}), numbered in
 * source order, so each is explained by the method it is written in: a new one, a removed
 * one, or one that now captures other variables.
 *
 * @author hot-restart authors
 */
final class MethodChanges {

	private static final String LAMBDA_PREFIX = "lambda$";

	private static final int MODIFIERS_CHECKED = 0xFFFF & ~Opcodes.ACC_NATIVE;

	private final ClassShape old;

	private final ParsedClassFile now;

	private final ChangeNotes notes;

	private final String owner;

	MethodChanges(ClassShape old, ParsedClassFile now, ChangeNotes notes) {
		this.old = old;
		this.now = now;
		this.notes = notes;
		this.owner = old.name();
	}

	/**
	 * Explain the method changes.
	 * @param fieldAdded whether a field was added, which explains a new static
	 * initialiser
	 */
	void explain(boolean fieldAdded) {
		Map<String, ClassShape.Member> oldMethods = byKey(this.old.methods());
		Map<String, ClassShape.Member> newMethods = byKey(this.now.shape().methods());
		List<ClassShape.Member> removed = new ArrayList<>();
		for (ClassShape.Member method : oldMethods.values()) {
			ClassShape.Member same = newMethods.get(method.key());
			if (same == null) {
				removed.add(method);
			}
			else if (((method.access() ^ same.access()) & MODIFIERS_CHECKED) != 0) {
				explainModifiers(method, same);
			}
		}
		List<ClassShape.Member> added = new ArrayList<>(
				newMethods.values().stream().filter((method) -> !oldMethods.containsKey(method.key())).toList());
		explainChangedSignatures(removed, added);
		explainLambdas(removed, added);
		for (ClassShape.Member method : added) {
			explainAdded(method, fieldAdded);
		}
		for (ClassShape.Member method : removed) {
			this.notes.refuse(MemberNames.qualified(this.owner, method),
					describe(method) + " was removed, and this JVM cannot delete methods");
		}
	}

	private void explainModifiers(ClassShape.Member old, ClassShape.Member now) {
		if (isLambda(now) && ((old.access() ^ now.access()) & Opcodes.ACC_STATIC) != 0) {
			String uses = ((now.access() & Opcodes.ACC_STATIC) != 0) ? "no longer uses" : "now uses";
			this.notes.refuse(userOfLambda(now.name()), "the lambda " + now.name() + " " + uses
					+ " `this`, which changes its modifiers, and this JVM cannot change method modifiers");
			return;
		}
		this.notes.refuse(MemberNames.qualified(this.owner, now),
				"modifiers of `" + MemberNames.signature(this.owner, now) + "` changed from `"
						+ MemberNames.methodModifiers(old.access()) + "` to `"
						+ MemberNames.methodModifiers(now.access()) + "`, and this JVM cannot change method modifiers");
	}

	private void explainChangedSignatures(List<ClassShape.Member> removed, List<ClassShape.Member> added) {
		for (ClassShape.Member method : List.copyOf(removed)) {
			List<ClassShape.Member> removedNamed = named(removed, method.name());
			List<ClassShape.Member> addedNamed = named(added, method.name());
			if (removedNamed.size() != 1 || addedNamed.size() != 1) {
				continue;
			}
			ClassShape.Member now = addedNamed.get(0);
			removed.remove(method);
			added.remove(now);
			if (isLambda(now)) {
				this.notes.refuse(userOfLambda(now.name()),
						"the lambda " + now.name() + " now captures different variables, which changes its "
								+ "parameters, and this JVM cannot change method signatures");
			}
			else if (MemberNames.parameters(method.descriptor()).equals(MemberNames.parameters(now.descriptor()))) {
				this.notes.refuse(MemberNames.qualified(this.owner, now),
						"return type of `" + MemberNames.signature(this.owner, method) + "` changed from "
								+ returnType(method) + " to " + returnType(now)
								+ ", and this JVM cannot change method signatures");
			}
			else {
				this.notes.refuse(MemberNames.qualified(this.owner, now),
						"parameter list of `" + MemberNames.signature(this.owner, method) + "` changed to `"
								+ MemberNames.signature(this.owner, now)
								+ "`, and this JVM cannot change method signatures");
			}
		}
	}

	/**
	 * Lambdas are numbered across the class in source order, so a lambda added in one
	 * method renames the lambdas after it. Count them per enclosing method instead, and
	 * explain renaming only when it is all that changed.
	 */
	private void explainLambdas(List<ClassShape.Member> removed, List<ClassShape.Member> added) {
		Map<String, List<ClassShape.Member>> removedByMethod = lambdasByEnclosingMethod(removed);
		Map<String, List<ClassShape.Member>> addedByMethod = lambdasByEnclosingMethod(added);
		List<String> renamed = new ArrayList<>();
		boolean explained = false;
		for (String method : union(removedByMethod, addedByMethod)) {
			List<ClassShape.Member> gone = removedByMethod.getOrDefault(method, List.of());
			List<ClassShape.Member> come = addedByMethod.getOrDefault(method, List.of());
			for (int i = gone.size(); i < come.size(); i++) {
				ClassShape.Member lambda = come.get(i);
				this.notes.refuse(userOfLambda(lambda.name()),
						"a new lambda adds method " + lambda.name() + ", and this JVM cannot add methods");
				explained = true;
			}
			for (int i = come.size(); i < gone.size(); i++) {
				this.notes.refuse(enclosingMethod(method), "a removed lambda deletes method " + gone.get(i).name()
						+ ", and this JVM cannot delete methods");
				explained = true;
			}
			for (int i = 0; i < Math.min(gone.size(), come.size()); i++) {
				renamed.add(gone.get(i).name() + " is now " + come.get(i).name());
			}
		}
		if (!explained && !renamed.isEmpty()) {
			this.notes.refuse(MemberNames.simpleName(this.owner),
					"lambdas were renumbered (" + String.join(", ", renamed)
							+ ") because a lambda moved, and this JVM cannot add or delete methods");
		}
		removed.removeIf(MethodChanges::isLambda);
		added.removeIf(MethodChanges::isLambda);
	}

	private void explainAdded(ClassShape.Member method, boolean fieldAdded) {
		String qualified = MemberNames.qualified(this.owner, method);
		if (MemberNames.STATIC_INITIALIZER.equals(method.name())) {
			if (!fieldAdded) {
				this.notes.refuse(qualified, "new static initialiser (a static block or the first static field "
						+ "initialiser), and this JVM cannot add methods");
			}
		}
		else if ((method.access() & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0) {
			this.notes.refuse(qualified, "the change makes the compiler generate method `"
					+ MemberNames.signature(this.owner, method) + "`, and this JVM cannot add methods");
		}
		else {
			this.notes.refuse(qualified, "new " + describe(method) + ", and this JVM cannot add methods");
		}
	}

	private String userOfLambda(String lambda) {
		ClassShape.Member user = this.now.firstUse("lambda:" + lambda);
		for (int depth = 0; user != null && isLambda(user) && depth < 16; depth++) {
			ClassShape.Member outer = this.now.firstUse("lambda:" + user.name());
			if (outer == null) {
				break;
			}
			user = outer;
		}
		return (user != null) ? MemberNames.qualified(this.owner, user)
				: MemberNames.simpleName(this.owner) + "." + lambda;
	}

	private String enclosingMethod(String name) {
		List<ClassShape.Member> candidates = named(this.now.shape().methods(), javaName(name));
		return (candidates.size() == 1) ? MemberNames.qualified(this.owner, candidates.get(0))
				: MemberNames.simpleName(this.owner) + "." + name;
	}

	private String describe(ClassShape.Member method) {
		String kind = MemberNames.CONSTRUCTOR.equals(method.name()) ? "constructor" : "method";
		if (MemberNames.STATIC_INITIALIZER.equals(method.name())) {
			return "the static initialiser";
		}
		return kind + " `" + MemberNames.signature(this.owner, method) + "`";
	}

	private static String javaName(String enclosing) {
		return switch (enclosing) {
			case "new" -> MemberNames.CONSTRUCTOR;
			case "static" -> MemberNames.STATIC_INITIALIZER;
			default -> enclosing;
		};
	}

	private static String returnType(ClassShape.Member method) {
		return MemberNames.type(Type.getReturnType(method.descriptor()).getDescriptor());
	}

	private static boolean isLambda(ClassShape.Member method) {
		return method.name().startsWith(LAMBDA_PREFIX) && (method.access() & Opcodes.ACC_SYNTHETIC) != 0;
	}

	private static Map<String, List<ClassShape.Member>> lambdasByEnclosingMethod(List<ClassShape.Member> methods) {
		Map<String, List<ClassShape.Member>> byMethod = new TreeMap<>();
		methods.stream()
			.filter(MethodChanges::isLambda)
			.sorted(Comparator.comparingInt(MethodChanges::lambdaNumber))
			.forEach((lambda) -> byMethod.computeIfAbsent(enclosingName(lambda), (key) -> new ArrayList<>())
				.add(lambda));
		return byMethod;
	}

	private static String enclosingName(ClassShape.Member lambda) {
		String name = lambda.name();
		int end = name.lastIndexOf('$');
		return (end > LAMBDA_PREFIX.length()) ? name.substring(LAMBDA_PREFIX.length(), end) : name;
	}

	private static int lambdaNumber(ClassShape.Member lambda) {
		String name = lambda.name();
		try {
			return Integer.parseInt(name.substring(name.lastIndexOf('$') + 1));
		}
		catch (NumberFormatException ex) {
			return Integer.MAX_VALUE;
		}
	}

	private static List<String> union(Map<String, ?> first, Map<String, ?> second) {
		TreeMap<String, Object> union = new TreeMap<>(first);
		union.putAll(second);
		return List.copyOf(union.keySet());
	}

	private static List<ClassShape.Member> named(List<ClassShape.Member> methods, String name) {
		return methods.stream().filter((method) -> method.name().equals(name)).toList();
	}

	private static Map<String, ClassShape.Member> byKey(List<ClassShape.Member> methods) {
		Map<String, ClassShape.Member> byKey = new LinkedHashMap<>();
		methods.forEach((method) -> byKey.put(method.key(), method));
		return byKey;
	}

}

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

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Redefines classes in a single {@link Instrumentation#redefineClasses} call: the cost is
 * per call, not per class, and the JVM applies all of them or none. When the JVM refuses
 * something the up-front comparison did not foresee, its terse message (which never names
 * the member, and is {@code null} for a bad class file) is translated into the change the
 * developer made.
 *
 * @author hot-restart authors
 */
final class ClassRedefiner {

	private ClassRedefiner() {
	}

	/**
	 * Redefine the given classes at once.
	 * @param instrumentation the instrumentation
	 * @param definitions the classes and their new class files
	 * @param files the changed class files the definitions come from
	 * @param advice what to do when the JVM refuses
	 * @throws ReloadRefusedException if the JVM refused a change; then no class changed
	 * @throws ClassFileRejectedException if the JVM rejected a class file as invalid;
	 * then no class changed
	 */
	static void redefine(Instrumentation instrumentation, List<ClassDefinition> definitions,
			List<ChangedClassFile> files, String advice) {
		if (definitions.isEmpty()) {
			return;
		}
		try {
			instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
		}
		catch (UnsupportedOperationException | ClassNotFoundException | UnmodifiableClassException ex) {
			throw new ReloadRefusedException(List.of(refusal(definitions, ex)), advice, ex);
		}
		catch (LinkageError ex) {
			String cause = "was rejected by the JVM as invalid (" + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : "") + ")"
					+ ((files.size() > 1)
							? "; the JVM does not say which of the " + files.size() + " changed class files is at fault"
							: "");
			throw new ClassFileRejectedException(files.stream()
				.map((file) -> new ClassFileRejectedException.RejectedClassFile(file.className(),
						file.file().toString(), cause))
				.toList(), ex);
		}
	}

	private static ReloadNote refusal(List<ClassDefinition> definitions, Exception ex) {
		List<String> names = definitions.stream()
			.map((definition) -> definition.getDefinitionClass().getName())
			.distinct()
			.toList();
		String member = names.stream().map(MemberNames::simpleName).collect(Collectors.joining(", "));
		String cause = translate(ex);
		if (names.size() > 1) {
			cause += " (the JVM does not say in which of these classes)";
		}
		return new ReloadNote(String.join(", ", names), member, cause);
	}

	private static String translate(Exception ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		String lower = message.toLowerCase(Locale.ROOT);
		if (lower.contains("attempted to add a method")) {
			return "the change adds a method (a new method, constructor or lambda), and this JVM cannot add methods";
		}
		if (lower.contains("attempted to delete a method")) {
			return "the change removes a method or changes its parameters or return type, and this JVM cannot "
					+ "delete methods";
		}
		if (lower.contains("schema")) {
			return "the change adds, removes, reorders or changes a field (a first assert adds one), and this JVM "
					+ "cannot change fields";
		}
		if (lower.contains("nesthost") || lower.contains("nestmembers")) {
			return "the change adds or removes a nested, local or anonymous class (a first enum switch adds one), a "
					+ "permitted subclass or a record component, and this JVM cannot change those";
		}
		if (lower.contains("method modifiers")) {
			return "the change alters the modifiers of a method, and this JVM cannot change method modifiers";
		}
		if (lower.contains("class modifiers")) {
			return "the change alters the class modifiers, and this JVM cannot change class modifiers";
		}
		if (lower.contains("superclass or interfaces")) {
			return "the change alters the superclass or interfaces, and this JVM cannot change them";
		}
		return "the JVM refused the change: " + ex.getClass().getSimpleName() + " (" + message + ")";
	}

}

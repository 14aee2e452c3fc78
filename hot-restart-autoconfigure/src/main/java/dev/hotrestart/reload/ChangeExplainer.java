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
import java.util.Objects;

import org.springframework.asm.Opcodes;

/**
 * Compares a loaded class (as its {@link ClassShape}) with its new class file, and
 * explains in the developer's terms each change the JVM would refuse and each change it
 * would accept without effect. The causes name what the developer wrote (a lambda, an
 * anonymous class, an enum switch, an {@code assert}) rather than what the compiler made
 * of it.
 * <p>
 * On a JVM with enhanced class redefinition (JetBrains Runtime with
 * {@code -XX:+AllowEnhancedClassRedefinition}) nothing is refused up front: that JVM
 * applies structural changes, and says so itself when it cannot.
 *
 * @author hot-restart authors
 */
final class ChangeExplainer {

	private final boolean structuralChangesAllowed;

	/**
	 * Create an explainer.
	 * @param structuralChangesAllowed whether the JVM can add and remove members
	 */
	ChangeExplainer(boolean structuralChangesAllowed) {
		this.structuralChangesAllowed = structuralChangesAllowed;
	}

	/**
	 * Explain the changes from the loaded class to its new class file.
	 * @param old the loaded class
	 * @param now the new class file
	 * @return the refusals and warnings
	 */
	ChangeNotes explain(ClassShape old, ParsedClassFile now) {
		ChangeNotes notes = new ChangeNotes(old.className());
		ChangeNotes structural = this.structuralChangesAllowed ? new ChangeNotes(old.className()) : notes;
		explainClass(old, now.shape(), structural);
		explainNest(old, now, structural);
		boolean fieldAdded = new FieldChanges(old, now, structural).explain();
		new MethodChanges(old, now, structural).explain(fieldAdded);
		if (this.structuralChangesAllowed) {
			structural.warnings().forEach((warning) -> notes.warn(warning.member(), warning.cause()));
		}
		explainStaticInitializer(old, now.shape(), notes);
		return notes;
	}

	private void explainClass(ClassShape old, ClassShape now, ChangeNotes notes) {
		String member = MemberNames.simpleName(old.name());
		int oldAccess = old.access() & ~Opcodes.ACC_SUPER;
		int newAccess = now.access() & ~Opcodes.ACC_SUPER;
		if (old.access() != now.access()) {
			notes.refuse(member, "class modifiers changed from `" + MemberNames.classModifiers(oldAccess) + "` to `"
					+ MemberNames.classModifiers(newAccess) + "`, and this JVM cannot change class modifiers");
		}
		if (!Objects.equals(old.superName(), now.superName())) {
			notes.refuse(member, "superclass changed from " + superclass(old) + " to " + superclass(now)
					+ ", and this JVM cannot change the superclass or interfaces");
		}
		if (!old.interfaces().equals(now.interfaces())) {
			notes.refuse(member,
					"interfaces changed from `" + MemberNames.simpleNames(old.interfaces()) + "` to `"
							+ MemberNames.simpleNames(now.interfaces())
							+ "`, and this JVM cannot change the superclass or interfaces");
		}
		if (!old.permittedSubclasses().equals(now.permittedSubclasses())) {
			notes.refuse(member,
					"permitted subclasses changed from `" + MemberNames.simpleNames(old.permittedSubclasses())
							+ "` to `" + MemberNames.simpleNames(now.permittedSubclasses())
							+ "`, and this JVM cannot change the permitted subclasses of a sealed class");
		}
		if (!old.recordComponents().equals(now.recordComponents())) {
			notes.refuse(member, "record components changed, and this JVM cannot change record components");
		}
	}

	private void explainNest(ClassShape old, ParsedClassFile now, ChangeNotes notes) {
		String member = MemberNames.simpleName(old.name());
		if (!Objects.equals(old.nestHost(), now.shape().nestHost())) {
			notes.refuse(member, "the class moved into another class (its nest host changed), and this JVM "
					+ "cannot change nested classes");
		}
		List<String> oldMembers = old.nestMembers();
		List<String> newMembers = now.shape().nestMembers();
		boolean explained = false;
		for (String nested : newMembers) {
			if (!oldMembers.contains(nested)) {
				explainNewNestedClass(old, now, nested, notes);
				explained = true;
			}
		}
		for (String nested : oldMembers) {
			if (!newMembers.contains(nested)) {
				notes.refuse(member, "nested class " + MemberNames.simpleName(nested)
						+ " was removed, and this JVM cannot remove nested classes");
				explained = true;
			}
		}
		if (!explained && !oldMembers.equals(newMembers)) {
			notes.refuse(member, "nested classes were reordered, and this JVM cannot change nested classes");
		}
	}

	private void explainNewNestedClass(ClassShape old, ParsedClassFile now, String nested, ChangeNotes notes) {
		ParsedClassFile.InnerClass inner = now.innerClasses().get(nested);
		ClassShape.Member user = now.firstUse("class:" + nested);
		String member = (user != null) ? MemberNames.qualified(old.name(), user) : MemberNames.simpleName(old.name());
		String name = MemberNames.simpleName(nested);
		String what;
		if (inner != null && (inner.access() & Opcodes.ACC_SYNTHETIC) != 0) {
			what = "first switch on an enum in the class adds nested class " + name;
		}
		else if (inner != null && inner.innerName() == null) {
			what = "new anonymous class " + name;
		}
		else if (inner != null && inner.outerName() == null) {
			what = "new local class `" + inner.innerName() + "` (" + name + ")";
		}
		else {
			what = "new nested class " + name;
			member = MemberNames.simpleName(old.name());
		}
		notes.refuse(member, what + ", and this JVM cannot add nested classes");
	}

	private void explainStaticInitializer(ClassShape old, ClassShape now, ChangeNotes notes) {
		if (old.staticInitializerHash() != 0 && now.staticInitializerHash() != 0
				&& old.staticInitializerHash() != now.staticInitializerHash()) {
			notes.warn(MemberNames.simpleName(old.name()) + " (static initialiser)",
					"the static initialiser changed, but it ran when the class was loaded and will not run again: "
							+ "its new values take effect only after a restart");
		}
	}

	private static String superclass(ClassShape shape) {
		return (shape.superName() != null) ? MemberNames.simpleName(shape.superName()) : "none";
	}

}

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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.asm.Opcodes;

/**
 * Explains the changes of a class's fields. The JVM refuses any change to the field list
 * (a new, removed or reordered field, a new type or new modifiers), including the fields
 * the compiler adds: {@code $assertionsDisabled} for the first {@code assert},
 * {@code val$x} for a variable a local class now captures. A changed constant is
 * accepted, but the field keeps its old value.
 *
 * @author hot-restart authors
 */
final class FieldChanges {

	private static final String ASSERTIONS_DISABLED = "$assertionsDisabled";

	private final ClassShape old;

	private final ParsedClassFile now;

	private final ChangeNotes notes;

	private final String simpleName;

	FieldChanges(ClassShape old, ParsedClassFile now, ChangeNotes notes) {
		this.old = old;
		this.now = now;
		this.notes = notes;
		this.simpleName = MemberNames.simpleName(old.name());
	}

	/**
	 * Explain the field changes.
	 * @return whether a field was added (which also explains a new static initialiser)
	 */
	boolean explain() {
		Map<String, ClassShape.Member> oldFields = byName(this.old.fields());
		Map<String, ClassShape.Member> newFields = byName(this.now.shape().fields());
		boolean added = false;
		for (ClassShape.Member field : newFields.values()) {
			if (!oldFields.containsKey(field.name())) {
				explainAdded(field);
				added = true;
			}
		}
		for (ClassShape.Member field : oldFields.values()) {
			ClassShape.Member changed = newFields.get(field.name());
			if (changed == null) {
				this.notes.refuse(member(field),
						"field `" + field.name() + "` was removed, and this JVM cannot remove fields");
			}
			else {
				explainChanged(field, changed);
			}
		}
		List<String> oldOrder = oldFields.keySet().stream().filter(newFields::containsKey).toList();
		List<String> newOrder = newFields.keySet().stream().filter(oldFields::containsKey).toList();
		if (!oldOrder.equals(newOrder)) {
			this.notes.refuse(this.simpleName,
					"the order of the fields changed from " + String.join(", ", oldOrder) + " to "
							+ String.join(", ", newOrder)
							+ ", and this JVM cannot change the field layout; put them back in their old order");
		}
		return added;
	}

	private void explainAdded(ClassShape.Member field) {
		String name = field.name();
		if (name.equals(ASSERTIONS_DISABLED)) {
			ClassShape.Member user = this.now.firstUse("field:" + name);
			this.notes.refuse((user != null) ? MemberNames.qualified(this.old.name(), user) : this.simpleName,
					"first assert in the class adds field " + name + ", and this JVM cannot add fields");
		}
		else if (name.startsWith("val$")) {
			this.notes.refuse(this.simpleName, "the class now captures variable `" + name.substring(4) + "` (new field "
					+ name + "), and this JVM cannot add fields");
		}
		else if (name.startsWith("this$")) {
			this.notes.refuse(this.simpleName, "the class now uses its enclosing instance (new field " + name
					+ "), and this JVM cannot add fields");
		}
		else if ((field.access() & Opcodes.ACC_ENUM) != 0) {
			this.notes.refuse(member(field), "new enum constant `" + name + "`, and this JVM cannot add fields");
		}
		else {
			this.notes.refuse(member(field), "new field `" + name + "`, and this JVM cannot add fields");
		}
	}

	private void explainChanged(ClassShape.Member old, ClassShape.Member now) {
		if (!old.descriptor().equals(now.descriptor())) {
			this.notes.refuse(member(now),
					"type of field `" + now.name() + "` changed from " + MemberNames.type(old.descriptor()) + " to "
							+ MemberNames.type(now.descriptor()) + ", and this JVM cannot change fields");
		}
		else if (old.access() != now.access()) {
			this.notes.refuse(member(now),
					"modifiers of field `" + now.name() + "` changed from `" + MemberNames.fieldModifiers(old.access())
							+ "` to `" + MemberNames.fieldModifiers(now.access())
							+ "`, and this JVM cannot change fields");
		}
		else if (old.constant() != null && !Objects.equals(old.constant(), now.constant())) {
			String change = (now.constant() != null)
					? "changed from " + literal(old.constant()) + " to " + literal(now.constant())
					: "is no longer a compile-time constant";
			this.notes.warn(member(now),
					"the value of constant `" + now.name() + "` " + change + "; code of this class uses the new "
							+ "value, but the field keeps the old one until a restart, and so does code of other "
							+ "classes compiled against it");
		}
	}

	private static String literal(Object constant) {
		return (constant instanceof String) ? "\"" + constant + "\"" : String.valueOf(constant);
	}

	private String member(ClassShape.Member field) {
		return this.simpleName + "." + field.name();
	}

	private static Map<String, ClassShape.Member> byName(List<ClassShape.Member> fields) {
		Map<String, ClassShape.Member> byName = new LinkedHashMap<>();
		fields.forEach((field) -> byName.put(field.name(), field));
		return byName;
	}

}

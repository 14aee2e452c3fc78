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

package dev.hotrestart.locals;

import org.springframework.asm.Label;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

/**
 * The kind of value a local variable slot holds at one instruction, as the JVM's verifier
 * sees it: only what decides whether instrumented code may load the slot, and how.
 *
 * @author hot-restart authors
 */
final class SlotKind {

	/** Nothing loadable: unassigned, or assigned on some paths only. */
	static final byte TOP = 0;

	static final byte INT = 1;

	static final byte FLOAT = 2;

	static final byte LONG = 3;

	static final byte DOUBLE = 4;

	static final byte REFERENCE = 5;

	/** An object whose constructor has not run yet: it must not be touched. */
	static final byte UNINITIALIZED = 6;

	/** The second slot of a {@code long} or {@code double}. */
	static final byte SECOND_HALF = 7;

	private static final String OBJECT = "java/lang/Object";

	private SlotKind() {
	}

	static boolean isLoadable(byte kind) {
		return kind >= INT && kind <= REFERENCE;
	}

	static boolean isWide(byte kind) {
		return kind == LONG || kind == DOUBLE;
	}

	/**
	 * Return the kind of a stack map frame entry, in the expanded format of ASM.
	 */
	static byte ofFrameEntry(Object entry) {
		if (entry instanceof Integer type) {
			if (type.equals(Opcodes.INTEGER)) {
				return INT;
			}
			if (type.equals(Opcodes.FLOAT)) {
				return FLOAT;
			}
			if (type.equals(Opcodes.LONG)) {
				return LONG;
			}
			if (type.equals(Opcodes.DOUBLE)) {
				return DOUBLE;
			}
			if (type.equals(Opcodes.NULL)) {
				return REFERENCE;
			}
			if (type.equals(Opcodes.UNINITIALIZED_THIS)) {
				return UNINITIALIZED;
			}
			return TOP;
		}
		if (entry instanceof Label) {
			return UNINITIALIZED;
		}
		return REFERENCE;
	}

	/**
	 * Return the kind of a value of a type descriptor.
	 */
	static byte ofDescriptor(String descriptor) {
		return switch (descriptor.charAt(0)) {
			case 'Z', 'B', 'C', 'S', 'I' -> INT;
			case 'F' -> FLOAT;
			case 'J' -> LONG;
			case 'D' -> DOUBLE;
			default -> REFERENCE;
		};
	}

	/**
	 * Return the kind a store instruction gives its slot, or {@link #TOP} if the opcode
	 * does not store a local variable.
	 */
	static byte ofStore(int opcode) {
		return switch (opcode) {
			case Opcodes.ISTORE -> INT;
			case Opcodes.FSTORE -> FLOAT;
			case Opcodes.LSTORE -> LONG;
			case Opcodes.DSTORE -> DOUBLE;
			case Opcodes.ASTORE -> REFERENCE;
			default -> TOP;
		};
	}

	/**
	 * Return the entry of a stack map frame that lets code load a slot of this kind: any
	 * reference is loaded as an {@code Object}.
	 */
	static Object frameEntry(byte kind) {
		return switch (kind) {
			case INT -> Opcodes.INTEGER;
			case FLOAT -> Opcodes.FLOAT;
			case LONG -> Opcodes.LONG;
			case DOUBLE -> Opcodes.DOUBLE;
			case REFERENCE -> OBJECT;
			default -> Opcodes.TOP;
		};
	}

	/**
	 * Return the descriptor to assume for a variable of this kind whose declared type is
	 * unknown.
	 */
	static String descriptor(byte kind) {
		return switch (kind) {
			case INT -> "I";
			case FLOAT -> "F";
			case LONG -> "J";
			case DOUBLE -> "D";
			default -> "L" + OBJECT + ";";
		};
	}

	static int loadOpcode(byte kind) {
		return Type.getType(descriptor(kind)).getOpcode(Opcodes.ILOAD);
	}

}

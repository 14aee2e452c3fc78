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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * Reads one method (with expanded stack map frames) and works out, for each instruction,
 * which local variables hold a value there, of which kind, and under which name; then
 * plans the handlers that record them.
 * <p>
 * Kinds come from the method's own stack map frames, which the verifier requires at every
 * branch target, and from the stores in between. A variable counts at an instruction only
 * if it holds a value of the same kind before and after it, and, when the class has local
 * variable tables, only within the scope the compiler gave it, which starts after its
 * first assignment. In a constructor nothing is recorded before the superclass
 * constructor has run.
 *
 * @author hot-restart authors
 */
final class MethodAnalyzer extends MethodVisitor {

	private final int access;

	private final String name;

	private final String descriptor;

	private final List<@Nullable String> parameterNames = new ArrayList<>();

	private final Map<Label, Integer> labels = new IdentityHashMap<>();

	private final List<byte[]> before = new ArrayList<>();

	private final List<byte[]> after = new ArrayList<>();

	private final List<TableEntry> localVariableTable = new ArrayList<>();

	private byte[] current;

	private int newObjectsPending;

	private int firstRecorded;

	private boolean unsupported;

	private int maxLocals;

	MethodAnalyzer(int access, String name, String descriptor) {
		super(SpringAsmInfo.ASM_VERSION);
		this.access = access;
		this.name = name;
		this.descriptor = descriptor;
		this.current = initialKinds();
		this.firstRecorded = isConstructor() ? -1 : 0;
	}

	String getName() {
		return this.name;
	}

	String getDescriptor() {
		return this.descriptor;
	}

	boolean hasLocalVariableTable() {
		return !this.localVariableTable.isEmpty();
	}

	private boolean isStatic() {
		return (this.access & Opcodes.ACC_STATIC) != 0;
	}

	private boolean isConstructor() {
		return "<init>".equals(this.name);
	}

	private byte[] initialKinds() {
		List<Byte> kinds = new ArrayList<>();
		if (!isStatic()) {
			kinds.add(isConstructor() ? SlotKind.UNINITIALIZED : SlotKind.REFERENCE);
		}
		for (Type type : Type.getArgumentTypes(this.descriptor)) {
			byte kind = SlotKind.ofDescriptor(type.getDescriptor());
			kinds.add(kind);
			if (SlotKind.isWide(kind)) {
				kinds.add(SlotKind.SECOND_HALF);
			}
		}
		byte[] result = new byte[kinds.size()];
		for (int i = 0; i < result.length; i++) {
			result[i] = kinds.get(i);
		}
		return result;
	}

	@Override
	public void visitParameter(String name, int access) {
		this.parameterNames.add(name);
	}

	@Override
	public void visitLabel(Label label) {
		this.labels.put(label, this.before.size());
	}

	@Override
	public void visitFrame(int type, int numLocal, Object @Nullable [] local, int numStack, Object @Nullable [] stack) {
		if (type != Opcodes.F_NEW || local == null) {
			this.unsupported = true;
			return;
		}
		byte[] kinds = new byte[numLocal * 2];
		int slot = 0;
		for (int i = 0; i < numLocal; i++) {
			byte kind = SlotKind.ofFrameEntry(local[i]);
			kinds[slot++] = kind;
			if (SlotKind.isWide(kind)) {
				kinds[slot++] = SlotKind.SECOND_HALF;
			}
		}
		this.current = Arrays.copyOf(kinds, slot);
	}

	@Override
	public void visitInsn(int opcode) {
		instruction();
	}

	@Override
	public void visitIntInsn(int opcode, int operand) {
		instruction();
	}

	@Override
	public void visitVarInsn(int opcode, int varIndex) {
		byte stored = SlotKind.ofStore(opcode);
		if (stored != SlotKind.TOP) {
			this.before.add(this.current);
			this.current = store(this.current, varIndex, stored);
			this.after.add(this.current);
			return;
		}
		if (opcode == Opcodes.RET) {
			this.unsupported = true;
		}
		instruction();
	}

	@Override
	public void visitTypeInsn(int opcode, String type) {
		if (opcode == Opcodes.NEW) {
			this.newObjectsPending++;
		}
		instruction();
	}

	@Override
	public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
		instruction();
	}

	@Override
	public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
		instruction();
		if (opcode == Opcodes.INVOKESPECIAL && "<init>".equals(name)) {
			// Compilers construct objects in order: a constructor call either completes
			// the latest pending "new", or initialises "this"
			if (this.newObjectsPending > 0) {
				this.newObjectsPending--;
			}
			else if (this.firstRecorded < 0) {
				this.firstRecorded = this.before.size();
			}
		}
	}

	@Override
	public void visitInvokeDynamicInsn(String name, String descriptor, org.springframework.asm.Handle bootstrapMethod,
			Object... bootstrapMethodArguments) {
		instruction();
	}

	@Override
	public void visitJumpInsn(int opcode, Label label) {
		if (opcode == Opcodes.JSR) {
			this.unsupported = true;
		}
		instruction();
	}

	@Override
	public void visitLdcInsn(Object value) {
		instruction();
	}

	@Override
	public void visitIincInsn(int varIndex, int increment) {
		instruction();
	}

	@Override
	public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
		instruction();
	}

	@Override
	public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
		instruction();
	}

	@Override
	public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
		instruction();
	}

	@Override
	public void visitLocalVariable(String name, String descriptor, @Nullable String signature, Label start, Label end,
			int index) {
		this.localVariableTable.add(new TableEntry(name, descriptor, start, end, index));
	}

	@Override
	public void visitMaxs(int maxStack, int maxLocals) {
		this.maxLocals = maxLocals;
	}

	private void instruction() {
		this.before.add(this.current);
		this.after.add(this.current);
	}

	private static byte[] store(byte[] kinds, int slot, byte kind) {
		boolean wide = SlotKind.isWide(kind);
		byte[] next = Arrays.copyOf(kinds, Math.max(kinds.length, slot + (wide ? 2 : 1)));
		if (slot > 0 && SlotKind.isWide(next[slot - 1])) {
			next[slot - 1] = SlotKind.TOP;
		}
		if (SlotKind.isWide(next[slot]) && !wide && slot + 1 < next.length) {
			next[slot + 1] = SlotKind.TOP;
		}
		if (wide && SlotKind.isWide(next[slot + 1]) && slot + 2 < next.length) {
			next[slot + 2] = SlotKind.TOP;
		}
		next[slot] = kind;
		if (wide) {
			next[slot + 1] = SlotKind.SECOND_HALF;
		}
		return next;
	}

	/**
	 * Plan the handlers of this method.
	 * @param className the binary name of the class
	 * @param named whether the class has local variable tables: then only the variables
	 * they name are recorded, else every slot that holds a value, by position
	 * @return the plan, or {@code null} if the method records nothing
	 */
	@Nullable MethodPlan plan(String className, boolean named) {
		if (this.unsupported || this.before.isEmpty() || this.firstRecorded < 0 || this.maxLocals >= 0xFFFF) {
			return null;
		}
		VariableNames names = new VariableNames(named);
		List<MethodPlan.Variable> variables = new ArrayList<>();
		Map<MethodPlan.Variable, Integer> indexes = new HashMap<>();
		int count = this.before.size();
		int[][] sets = new int[count][];
		boolean any = false;
		for (int i = this.firstRecorded; i < count; i++) {
			sets[i] = variablesAt(i, names, variables, indexes);
			any |= sets[i].length > 0;
		}
		if (!any) {
			return null;
		}
		return HandlerPlanner.plan(className, this.name, this.descriptor, this.maxLocals, variables, sets,
				this.firstRecorded);
	}

	private int[] variablesAt(int instruction, VariableNames names, List<MethodPlan.Variable> variables,
			Map<MethodPlan.Variable, Integer> indexes) {
		byte[] in = this.before.get(instruction);
		byte[] out = this.after.get(instruction);
		int[] found = new int[in.length];
		int count = 0;
		for (int slot = isStatic() ? 0 : 1; slot < in.length && slot < out.length; slot++) {
			byte kind = in[slot];
			if (!SlotKind.isLoadable(kind) || out[slot] != kind) {
				continue;
			}
			if (SlotKind.isWide(kind) && (slot + 1 >= in.length || slot + 1 >= out.length
					|| in[slot + 1] != SlotKind.SECOND_HALF || out[slot + 1] != SlotKind.SECOND_HALF)) {
				continue;
			}
			MethodPlan.Variable variable = names.at(instruction, slot, kind);
			if (variable != null) {
				Integer index = indexes.get(variable);
				if (index == null) {
					index = variables.size();
					variables.add(variable);
					indexes.put(variable, index);
				}
				found[count++] = index;
			}
		}
		return Arrays.copyOf(found, count);
	}

	/**
	 * A local variable table entry.
	 */
	private record TableEntry(String name, String descriptor, Label start, Label end, int index) {

	}

	/**
	 * A local variable table entry with its scope as instruction indexes.
	 */
	private record Scope(MethodPlan.Variable variable, int start, int end) {

	}

	/**
	 * Names the variable in a slot at an instruction.
	 */
	private final class VariableNames {

		private final boolean named;

		private final List<Scope> scopes = new ArrayList<>();

		private final List<String> parameterDescriptors = new ArrayList<>();

		private final List<Integer> parameterSlots = new ArrayList<>();

		VariableNames(boolean named) {
			this.named = named;
			for (TableEntry entry : MethodAnalyzer.this.localVariableTable) {
				Integer start = MethodAnalyzer.this.labels.get(entry.start());
				Integer end = MethodAnalyzer.this.labels.get(entry.end());
				if (start != null && end != null) {
					byte kind = SlotKind.ofDescriptor(entry.descriptor());
					this.scopes
						.add(new Scope(new MethodPlan.Variable(entry.index(), kind, entry.name(), entry.descriptor()),
								start, end));
				}
			}
			int slot = isStatic() ? 0 : 1;
			for (Type type : Type.getArgumentTypes(MethodAnalyzer.this.descriptor)) {
				this.parameterDescriptors.add(type.getDescriptor());
				this.parameterSlots.add(slot);
				slot += type.getSize();
			}
		}

		MethodPlan.@Nullable Variable at(int instruction, int slot, byte kind) {
			if (this.named) {
				for (Scope scope : this.scopes) {
					MethodPlan.Variable variable = scope.variable();
					if (variable.slot() == slot && variable.kind() == kind && scope.start() <= instruction
							&& instruction < scope.end()) {
						return variable;
					}
				}
				return null;
			}
			int parameter = this.parameterSlots.indexOf(slot);
			if (parameter >= 0 && SlotKind.ofDescriptor(this.parameterDescriptors.get(parameter)) == kind) {
				List<@Nullable String> declared = MethodAnalyzer.this.parameterNames;
				String name = (parameter < declared.size() && declared.get(parameter) != null) ? declared.get(parameter)
						: "arg" + parameter;
				return new MethodPlan.Variable(slot, kind, name, this.parameterDescriptors.get(parameter));
			}
			return new MethodPlan.Variable(slot, kind, "local" + slot, SlotKind.descriptor(kind));
		}

	}

}

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
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * Copies a method and adds the handlers of its {@link MethodPlan}, changing nothing on
 * the path that does not throw: labels around ranges of existing instructions, entries
 * appended to the exception table (after the method's own, so that its own handlers keep
 * precedence), and code after the last instruction. For a range, the added code is:
 *
 * <pre>
 * handler:  astore ex                         // frame: the range's variables, stack [Throwable]
 *           aload ex; ldc key; push size
 *           invokestatic ThrowSiteRecorder.record  // returns the array to fill
 * fill:     dup; push index; load variable; box; aastore   // for each variable of its own
 *           goto (parent's fill | done)
 * done:     pop; aload ex; athrow             // also the handler of every recording range
 * </pre>
 *
 * Should recording itself fail (no memory, no stack left), the code from {@code ldc} to
 * the {@code goto} is covered by {@code done}, which rethrows the original exception all
 * the same. Only the stack map frames of the new code are written, in the expanded format
 * of the method's own.
 *
 * @author hot-restart authors
 */
final class CaptureCodeWriter extends MethodVisitor {

	private static final String THROWABLE = "java/lang/Throwable";

	private static final String OBJECT_ARRAY = "[Ljava/lang/Object;";

	private static final String RECORDER = ThrowSiteRecorder.class.getName().replace('.', '/');

	private static final String RECORD_DESCRIPTOR = "(Ljava/lang/Throwable;Ljava/lang/String;I)[Ljava/lang/Object;";

	/** The operand stack the new code needs: array, array, index and a wide value. */
	private static final int STACK_NEEDED = 5;

	private final MethodPlan plan;

	private final @Nullable Label[] boundaries;

	private final Label[] handlers;

	private final Label[] recordStarts;

	private final Label[] recordEnds;

	private final Label[] fills;

	private final boolean[] continuedInto;

	private final Label done = new Label();

	private int instruction;

	private boolean declared;

	CaptureCodeWriter(MethodVisitor writer, MethodPlan plan) {
		super(SpringAsmInfo.ASM_VERSION, writer);
		this.plan = plan;
		int lastEnd = plan.ranges().get(plan.ranges().size() - 1).end();
		this.boundaries = new Label[lastEnd + 1];
		for (MethodPlan.Range range : plan.ranges()) {
			boundary(range.start());
			boundary(range.end());
		}
		int count = plan.handlers().size();
		this.handlers = labels(count);
		this.recordStarts = labels(count);
		this.recordEnds = labels(count);
		this.fills = labels(count);
		this.continuedInto = new boolean[count];
		for (MethodPlan.Handler handler : plan.handlers()) {
			if (handler.parent() >= 0) {
				this.continuedInto[handler.parent()] = true;
			}
		}
	}

	private void boundary(int index) {
		if (this.boundaries[index] == null) {
			this.boundaries[index] = new Label();
		}
	}

	private static Label[] labels(int count) {
		Label[] labels = new Label[count];
		for (int i = 0; i < count; i++) {
			labels[i] = new Label();
		}
		return labels;
	}

	/**
	 * Declare the new exception table entries after the method's own, which a class
	 * reader visits before any instruction.
	 */
	private void declareHandlers() {
		if (this.declared) {
			return;
		}
		this.declared = true;
		for (MethodPlan.Range range : this.plan.ranges()) {
			super.visitTryCatchBlock(this.boundaries[range.start()], this.boundaries[range.end()],
					this.handlers[range.handler()], THROWABLE);
		}
		for (int i = 0; i < this.handlers.length; i++) {
			super.visitTryCatchBlock(this.recordStarts[i], this.recordEnds[i], this.done, THROWABLE);
		}
	}

	private void beforeInstruction() {
		declareHandlers();
		if (this.instruction < this.boundaries.length && this.boundaries[this.instruction] != null) {
			super.visitLabel(this.boundaries[this.instruction]);
		}
		this.instruction++;
	}

	@Override
	public void visitLabel(Label label) {
		declareHandlers();
		super.visitLabel(label);
	}

	@Override
	public void visitFrame(int type, int numLocal, Object @Nullable [] local, int numStack, Object @Nullable [] stack) {
		declareHandlers();
		super.visitFrame(type, numLocal, local, numStack, stack);
	}

	@Override
	public void visitLineNumber(int line, Label start) {
		declareHandlers();
		super.visitLineNumber(line, start);
	}

	@Override
	public void visitInsn(int opcode) {
		beforeInstruction();
		super.visitInsn(opcode);
	}

	@Override
	public void visitIntInsn(int opcode, int operand) {
		beforeInstruction();
		super.visitIntInsn(opcode, operand);
	}

	@Override
	public void visitVarInsn(int opcode, int varIndex) {
		beforeInstruction();
		super.visitVarInsn(opcode, varIndex);
	}

	@Override
	public void visitTypeInsn(int opcode, String type) {
		beforeInstruction();
		super.visitTypeInsn(opcode, type);
	}

	@Override
	public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
		beforeInstruction();
		super.visitFieldInsn(opcode, owner, name, descriptor);
	}

	@Override
	public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
		beforeInstruction();
		super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
	}

	@Override
	public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethod,
			Object... bootstrapMethodArguments) {
		beforeInstruction();
		super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethod, bootstrapMethodArguments);
	}

	@Override
	public void visitJumpInsn(int opcode, Label label) {
		beforeInstruction();
		super.visitJumpInsn(opcode, label);
	}

	@Override
	public void visitLdcInsn(Object value) {
		beforeInstruction();
		super.visitLdcInsn(value);
	}

	@Override
	public void visitIincInsn(int varIndex, int increment) {
		beforeInstruction();
		super.visitIincInsn(varIndex, increment);
	}

	@Override
	public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
		beforeInstruction();
		super.visitTableSwitchInsn(min, max, dflt, labels);
	}

	@Override
	public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
		beforeInstruction();
		super.visitLookupSwitchInsn(dflt, keys, labels);
	}

	@Override
	public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
		beforeInstruction();
		super.visitMultiANewArrayInsn(descriptor, numDimensions);
	}

	@Override
	public void visitLocalVariable(String name, String descriptor, @Nullable String signature, Label start, Label end,
			int index) {
		declareHandlers();
		super.visitLocalVariable(name, descriptor, signature, start, end, index);
	}

	@Override
	public void visitMaxs(int maxStack, int maxLocals) {
		declareHandlers();
		if (this.instruction < this.boundaries.length && this.boundaries[this.instruction] != null) {
			super.visitLabel(this.boundaries[this.instruction]);
		}
		int exception = this.plan.exceptionSlot();
		for (int i = 0; i < this.handlers.length; i++) {
			writeHandler(i, exception);
		}
		super.visitLabel(this.done);
		Object[] locals = frameLocals(new int[0], exception);
		super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] { "java/lang/Object" });
		super.visitInsn(Opcodes.POP);
		super.visitVarInsn(Opcodes.ALOAD, exception);
		super.visitInsn(Opcodes.ATHROW);
		super.visitMaxs(Math.max(maxStack, STACK_NEEDED), Math.max(maxLocals, exception + 1));
	}

	private void writeHandler(int index, int exception) {
		MethodPlan.Handler handler = this.plan.handlers().get(index);
		super.visitLabel(this.handlers[index]);
		Object[] entryLocals = frameLocals(handler.variables(), -1);
		super.visitFrame(Opcodes.F_NEW, entryLocals.length, entryLocals, 1, new Object[] { THROWABLE });
		super.visitVarInsn(Opcodes.ASTORE, exception);
		super.visitLabel(this.recordStarts[index]);
		super.visitVarInsn(Opcodes.ALOAD, exception);
		super.visitLdcInsn(handler.key());
		push(this.plan.variables().size());
		super.visitMethodInsn(Opcodes.INVOKESTATIC, RECORDER, "record", RECORD_DESCRIPTOR, false);
		super.visitLabel(this.fills[index]);
		if (this.continuedInto[index]) {
			Object[] fillLocals = frameLocals(handler.variables(), exception);
			super.visitFrame(Opcodes.F_NEW, fillLocals.length, fillLocals, 1, new Object[] { OBJECT_ARRAY });
		}
		for (int variable : handler.own()) {
			store(variable);
		}
		super.visitLabel(this.recordEnds[index]);
		super.visitJumpInsn(Opcodes.GOTO, (handler.parent() >= 0) ? this.fills[handler.parent()] : this.done);
	}

	private void store(int index) {
		MethodPlan.Variable variable = this.plan.variables().get(index);
		super.visitInsn(Opcodes.DUP);
		push(index);
		super.visitVarInsn(SlotKind.loadOpcode(variable.kind()), variable.slot());
		box(variable.descriptor());
		super.visitInsn(Opcodes.AASTORE);
	}

	private void box(String descriptor) {
		Type type = Type.getType(descriptor);
		if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
			return;
		}
		String boxed = switch (type.getSort()) {
			case Type.BOOLEAN -> "java/lang/Boolean";
			case Type.BYTE -> "java/lang/Byte";
			case Type.CHAR -> "java/lang/Character";
			case Type.SHORT -> "java/lang/Short";
			case Type.INT -> "java/lang/Integer";
			case Type.FLOAT -> "java/lang/Float";
			case Type.LONG -> "java/lang/Long";
			case Type.DOUBLE -> "java/lang/Double";
			default -> throw new IllegalStateException("Cannot box " + descriptor);
		};
		super.visitMethodInsn(Opcodes.INVOKESTATIC, boxed, "valueOf", "(" + descriptor + ")L" + boxed + ";", false);
	}

	private void push(int value) {
		if (value <= 5) {
			super.visitInsn(Opcodes.ICONST_0 + value);
		}
		else if (value <= Byte.MAX_VALUE) {
			super.visitIntInsn(Opcodes.BIPUSH, value);
		}
		else {
			super.visitIntInsn(Opcodes.SIPUSH, value);
		}
	}

	/**
	 * Return the local variables of a frame of the new code, in ASM's expanded format:
	 * the given variables, and the exception in its slot if {@code exception} is not
	 * negative; every other slot is unusable ({@code TOP}).
	 */
	private Object[] frameLocals(int[] variables, int exception) {
		int slots = (exception >= 0) ? exception + 1 : 0;
		for (int index : variables) {
			MethodPlan.Variable variable = this.plan.variables().get(index);
			slots = Math.max(slots, variable.slot() + (SlotKind.isWide(variable.kind()) ? 2 : 1));
		}
		byte[] kinds = new byte[slots];
		for (int index : variables) {
			MethodPlan.Variable variable = this.plan.variables().get(index);
			kinds[variable.slot()] = variable.kind();
		}
		List<Object> locals = new ArrayList<>(slots);
		for (int slot = 0; slot < slots; slot++) {
			if (slot == exception) {
				locals.add(THROWABLE);
				continue;
			}
			locals.add(SlotKind.frameEntry(kinds[slot]));
			if (SlotKind.isWide(kinds[slot])) {
				slot++;
			}
		}
		return locals.toArray();
	}

}

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.RecordComponentVisitor;
import org.springframework.asm.SpringAsmInfo;

/**
 * Reads a class file with Spring's bundled ASM into a {@link ClassShape}, and optionally
 * also what its code uses ({@link ParsedClassFile}). Debug information is skipped, so a
 * change of line numbers alone does not count as a change of the static initialiser.
 *
 * @author hot-restart authors
 */
final class ClassShapeReader extends ClassVisitor {

	private static final String STATIC_INITIALIZER = "<clinit>";

	private final boolean withCode;

	private int version;

	private int access;

	private String name = "";

	private @Nullable String superName;

	private List<String> interfaces = List.of();

	private final List<ClassShape.Member> fields = new ArrayList<>();

	private final List<ClassShape.Member> methods = new ArrayList<>();

	private @Nullable String nestHost;

	private final List<String> nestMembers = new ArrayList<>();

	private final List<String> permittedSubclasses = new ArrayList<>();

	private final List<String> recordComponents = new ArrayList<>();

	private @Nullable ClassWriter staticInitializer;

	private final Map<String, ClassShape.Member> firstUses = new HashMap<>();

	private final Map<String, ParsedClassFile.InnerClass> innerClasses = new HashMap<>();

	private ClassShapeReader(boolean withCode) {
		super(SpringAsmInfo.ASM_VERSION);
		this.withCode = withCode;
	}

	/**
	 * Read the structure of a class file.
	 * @param bytes the class file
	 * @return its shape
	 * @throws RuntimeException if the class file is truncated or malformed
	 */
	static ClassShape shape(byte[] bytes) {
		return read(bytes, false).shape();
	}

	/**
	 * Read a class file in full.
	 * @param bytes the class file
	 * @return its shape and what its code uses
	 * @throws RuntimeException if the class file is truncated or malformed
	 */
	static ParsedClassFile parse(byte[] bytes) {
		return read(bytes, true);
	}

	private static ParsedClassFile read(byte[] bytes, boolean withCode) {
		ClassShapeReader reader = new ClassShapeReader(withCode);
		new ClassReader(bytes).accept(reader, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		return reader.result();
	}

	@Override
	public void visit(int version, int access, String name, @Nullable String signature, @Nullable String superName,
			String @Nullable [] interfaces) {
		this.version = version;
		this.access = access & 0xFFFF;
		this.name = name;
		this.superName = superName;
		this.interfaces = (interfaces != null) ? List.of(interfaces) : List.of();
	}

	@Override
	public void visitNestHost(String nestHost) {
		this.nestHost = nestHost;
	}

	@Override
	public void visitNestMember(String nestMember) {
		this.nestMembers.add(nestMember);
	}

	@Override
	public void visitPermittedSubclass(String permittedSubclass) {
		this.permittedSubclasses.add(permittedSubclass);
	}

	@Override
	public void visitInnerClass(String name, @Nullable String outerName, @Nullable String innerName, int access) {
		if (this.withCode) {
			this.innerClasses.put(name, new ParsedClassFile.InnerClass(outerName, innerName, access));
		}
	}

	@Override
	public @Nullable RecordComponentVisitor visitRecordComponent(String name, String descriptor,
			@Nullable String signature) {
		this.recordComponents.add(name + ":" + descriptor + ":" + signature);
		return null;
	}

	@Override
	public @Nullable FieldVisitor visitField(int access, String name, String descriptor, @Nullable String signature,
			@Nullable Object value) {
		this.fields.add(new ClassShape.Member(access & 0xFFFF, name.intern(), descriptor.intern(), value));
		return null;
	}

	@Override
	public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
			String @Nullable [] exceptions) {
		ClassShape.Member method = new ClassShape.Member(access & 0xFFFF, name.intern(), descriptor.intern(), null);
		this.methods.add(method);
		MethodVisitor code = null;
		if (STATIC_INITIALIZER.equals(name)) {
			ClassWriter writer = new ClassWriter(0);
			writer.visit(this.version, this.access, this.name, null, this.superName, null);
			this.staticInitializer = writer;
			code = writer.visitMethod(access, name, descriptor, null, null);
		}
		return this.withCode ? new UseCollector(method, code) : code;
	}

	private ParsedClassFile result() {
		long staticInitializerHash = 0;
		if (this.staticInitializer != null) {
			this.staticInitializer.visitEnd();
			staticInitializerHash = ClassFileFingerprint.hash(this.staticInitializer.toByteArray()) | 1;
		}
		ClassShape shape = new ClassShape(this.access, this.name, this.superName, this.interfaces,
				List.copyOf(this.fields), List.copyOf(this.methods), this.nestHost, List.copyOf(this.nestMembers),
				List.copyOf(this.permittedSubclasses), List.copyOf(this.recordComponents), staticInitializerHash);
		return new ParsedClassFile(shape, Map.copyOf(this.firstUses), Map.copyOf(this.innerClasses));
	}

	/**
	 * Records which lambdas, classes and own fields a method's code uses.
	 */
	private final class UseCollector extends MethodVisitor {

		private final ClassShape.Member method;

		UseCollector(ClassShape.Member method, @Nullable MethodVisitor delegate) {
			super(SpringAsmInfo.ASM_VERSION, delegate);
			this.method = method;
		}

		@Override
		public void visitTypeInsn(int opcode, String type) {
			if (opcode == Opcodes.NEW) {
				use("class:" + type);
			}
			super.visitTypeInsn(opcode, type);
		}

		@Override
		public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
			use("class:" + owner);
			if (owner.equals(ClassShapeReader.this.name)) {
				use("field:" + name);
			}
			super.visitFieldInsn(opcode, owner, name, descriptor);
		}

		@Override
		public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
				Object... bootstrapMethodArguments) {
			for (Object argument : bootstrapMethodArguments) {
				if (argument instanceof Handle handle && handle.getOwner().equals(ClassShapeReader.this.name)) {
					use("lambda:" + handle.getName());
				}
			}
			super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
		}

		private void use(String reference) {
			ClassShapeReader.this.firstUses.putIfAbsent(reference, this.method);
		}

	}

}

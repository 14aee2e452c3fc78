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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodTooLargeException;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;

/**
 * Adds to a class file the code that records the local variables of each method when an
 * exception leaves it (see {@link CaptureCodeWriter}). It adds no field, no method and no
 * attribute, and changes no existing instruction, so a class stays redefinable and
 * behaves as before on every path that does not throw.
 * <p>
 * Two passes of Spring's ASM: the first analyses every method ({@link MethodAnalyzer}),
 * the second writes the class with the planned handlers. Left alone: class files older
 * than Java 7 (no stack map frames), modules, static initialisers, bridge, abstract and
 * native methods, methods without variables, and methods that would grow too large.
 * Thread-safe (stateless).
 *
 * @author hot-restart authors
 */
public final class LocalsInstrumenter {

	private static final int MAX_ATTEMPTS = 4;

	private LocalsInstrumenter() {
	}

	/**
	 * Instrument a class file.
	 * @param classFile the class file
	 * @return the instrumented class file, or {@code null} if no method records anything
	 * @throws RuntimeException if the class file cannot be read
	 */
	public static byte @Nullable [] instrument(byte[] classFile) {
		ClassReader reader = new ClassReader(classFile);
		Analysis analysis = new Analysis();
		reader.accept(analysis, ClassReader.EXPAND_FRAMES);
		Map<String, MethodPlan> plans = analysis.plans();
		for (int attempt = 0; attempt < MAX_ATTEMPTS && !plans.isEmpty(); attempt++) {
			try {
				ClassWriter writer = new ClassWriter(reader, 0);
				reader.accept(new Instrumentation(writer, plans), ClassReader.EXPAND_FRAMES);
				return writer.toByteArray();
			}
			catch (MethodTooLargeException ex) {
				plans.remove(ex.getMethodName() + ex.getDescriptor());
			}
		}
		return null;
	}

	/**
	 * The first pass: analyses each method and plans its handlers.
	 */
	private static final class Analysis extends ClassVisitor {

		private final List<MethodAnalyzer> methods = new ArrayList<>();

		private String className = "";

		private boolean supported;

		Analysis() {
			super(SpringAsmInfo.ASM_VERSION);
		}

		@Override
		public void visit(int version, int access, String name, @Nullable String signature, @Nullable String superName,
				String @Nullable [] interfaces) {
			this.className = name.replace('/', '.');
			this.supported = (version & 0xFFFF) >= Opcodes.V1_7 && (access & Opcodes.ACC_MODULE) == 0;
		}

		@Override
		public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor,
				@Nullable String signature, String @Nullable [] exceptions) {
			if (!this.supported || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) != 0
					|| "<clinit>".equals(name)) {
				return null;
			}
			MethodAnalyzer analyzer = new MethodAnalyzer(access, name, descriptor);
			this.methods.add(analyzer);
			return analyzer;
		}

		Map<String, MethodPlan> plans() {
			boolean named = this.methods.stream().anyMatch(MethodAnalyzer::hasLocalVariableTable);
			Map<String, MethodPlan> plans = new HashMap<>();
			for (MethodAnalyzer method : this.methods) {
				MethodPlan plan = method.plan(this.className, named);
				if (plan != null) {
					plans.put(method.getName() + method.getDescriptor(), plan);
				}
			}
			return plans;
		}

	}

	/**
	 * The second pass: copies the class, adding the handlers of each planned method.
	 */
	private static final class Instrumentation extends ClassVisitor {

		private final Map<String, MethodPlan> plans;

		private final Set<String> seen = new HashSet<>();

		Instrumentation(ClassWriter writer, Map<String, MethodPlan> plans) {
			super(SpringAsmInfo.ASM_VERSION, writer);
			this.plans = plans;
		}

		@Override
		public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor,
				@Nullable String signature, String @Nullable [] exceptions) {
			MethodVisitor writer = super.visitMethod(access, name, descriptor, signature, exceptions);
			MethodPlan plan = this.plans.get(name + descriptor);
			if (plan == null || writer == null || !this.seen.add(name + descriptor)) {
				return writer;
			}
			return new CaptureCodeWriter(writer, plan);
		}

	}

}

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

package dev.hotrestart.compile;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;

/**
 * The compiler options a build used, read from a class file it wrote: {@code --release}
 * from the class file version, {@code -parameters} when methods carry their parameter
 * names, {@code -g} (or less) from the debug information present, and
 * {@code --enable-preview} for a class file that uses preview features. Compiling with
 * the same options gives class files the JVM can redefine the loaded classes with.
 *
 * @param release the Java release, 0 for a class file older than Java 8 (no
 * {@code --release} then)
 * @param parameters whether to keep parameter names ({@code -parameters})
 * @param debug the debug option, such as {@code -g} or {@code -g:source,lines}
 * @param preview whether preview features are on
 * @author hot-restart authors
 */
record BuildOptions(int release, boolean parameters, String debug, boolean preview) {

	private static final int OLDEST_RELEASE = 8;

	private static final int JAVA_1_0_MAJOR_OFFSET = 44;

	private static final int PREVIEW_MINOR_VERSION = 0xFFFF;

	/**
	 * The options of a build that left no class file to read: this JVM's release, the
	 * debug information Maven and Gradle keep by default, no parameter names.
	 */
	static final BuildOptions DEFAULT = new BuildOptions(Runtime.version().feature(), false, "-g", false);

	/**
	 * Return the options the given class file was compiled with.
	 * @param classFile the class file's content
	 * @return the options
	 * @throws RuntimeException if the class file is malformed
	 */
	static BuildOptions of(byte[] classFile) {
		Reader reader = new Reader();
		new ClassReader(classFile).accept(reader, ClassReader.SKIP_FRAMES);
		return reader.options();
	}

	/**
	 * Return the options as javac takes them.
	 * @return the options, for example {@code [--release, 17, -parameters, -g]}
	 */
	List<String> javacOptions() {
		List<String> options = new ArrayList<>();
		if (this.release > 0) {
			options.add("--release");
			options.add(Integer.toString(this.release));
		}
		if (this.preview) {
			options.add("--enable-preview");
		}
		if (this.parameters) {
			options.add("-parameters");
		}
		options.add(this.debug);
		return options;
	}

	private static int release(int major) {
		int release = major - JAVA_1_0_MAJOR_OFFSET;
		if (release < OLDEST_RELEASE) {
			return 0;
		}
		return Math.min(release, Runtime.version().feature());
	}

	/**
	 * Reads what the options left in a class file.
	 */
	private static final class Reader extends ClassVisitor {

		private int version;

		private boolean parameterNames;

		private boolean source;

		private boolean lineNumbers;

		private boolean localVariables;

		private boolean methodsWithLocals;

		Reader() {
			super(SpringAsmInfo.ASM_VERSION);
		}

		@Override
		public void visit(int version, int access, String name, @Nullable String signature, @Nullable String superName,
				String @Nullable [] interfaces) {
			this.version = version;
		}

		@Override
		public void visitSource(@Nullable String source, @Nullable String debug) {
			this.source |= (source != null);
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
				String @Nullable [] exceptions) {
			boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
			boolean hasLocals = (access & Opcodes.ACC_STATIC) == 0 || !descriptor.startsWith("()");
			this.methodsWithLocals |= hasCode && hasLocals;
			return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public void visitParameter(@Nullable String name, int access) {
					boolean implicit = (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_MANDATED)) != 0;
					Reader.this.parameterNames |= (name != null && !implicit);
				}

				@Override
				public void visitLineNumber(int line, Label start) {
					Reader.this.lineNumbers = true;
				}

				@Override
				public void visitLocalVariable(String name, String descriptor, @Nullable String signature, Label start,
						Label end, int index) {
					Reader.this.localVariables = true;
				}

			};
		}

		BuildOptions options() {
			int major = this.version & 0xFFFF;
			boolean preview = (this.version >>> 16) == PREVIEW_MINOR_VERSION;
			return new BuildOptions(release(major), this.parameterNames, debug(), preview);
		}

		private String debug() {
			if (this.localVariables || (!this.methodsWithLocals && (this.source || this.lineNumbers))) {
				// Without local variables to tell, assume the build's default: all
				return "-g";
			}
			if (this.source || this.lineNumbers) {
				return "-g:source,lines";
			}
			return "-g:none";
		}

	}

}

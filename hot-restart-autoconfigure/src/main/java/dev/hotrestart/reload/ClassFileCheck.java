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

/**
 * Checks that a changed class file can be loaded at all before it goes near the JVM,
 * whose own errors for a bad class file ({@link ClassFormatError},
 * {@link UnsupportedClassVersionError}) say neither which file nor why. Catches empty and
 * truncated files (a build still writing them), files that are no class files, files
 * compiled for a newer Java than this JVM, and files whose class name does not match
 * their path.
 *
 * @author hot-restart authors
 */
final class ClassFileCheck {

	private static final int MAGIC = 0xCAFEBABE;

	private static final int JAVA_1_VERSION_OFFSET = 44;

	private final int featureVersion;

	/**
	 * Create a check for this JVM.
	 */
	ClassFileCheck() {
		this(Runtime.version().feature());
	}

	/**
	 * Create a check for a JVM of the given feature version.
	 * @param featureVersion the Java feature version, for example 17
	 */
	ClassFileCheck(int featureVersion) {
		this.featureVersion = featureVersion;
	}

	/**
	 * Read a changed class file, if it can be loaded.
	 * @param change the changed class file
	 * @return the class file read in full
	 * @throws InvalidClassFileException if it cannot be loaded
	 */
	ParsedClassFile parse(ChangedClassFile change) {
		byte[] bytes = change.bytes();
		if (bytes.length == 0) {
			throw new InvalidClassFileException(
					"is empty; a build may still be writing it. Continue again " + "once the build has finished");
		}
		if (bytes.length < 10 || readInt(bytes, 0) != MAGIC) {
			if (bytes.length < 4 || readInt(bytes, 0) == MAGIC) {
				throw truncated();
			}
			throw new InvalidClassFileException("is not a class file (it does not start with 0xCAFEBABE)");
		}
		int major = readUnsignedShort(bytes, 6);
		int supported = this.featureVersion + JAVA_1_VERSION_OFFSET;
		if (major > supported) {
			int java = major - JAVA_1_VERSION_OFFSET;
			throw new InvalidClassFileException("was compiled for Java " + java + " (class file version " + major
					+ "), but this JVM runs Java " + this.featureVersion + " and reads class files up to version "
					+ supported + ". Compile with --release " + this.featureVersion + " (maven.compiler.release), "
					+ "or run the application on Java " + java + " or later");
		}
		ParsedClassFile parsed;
		try {
			parsed = ClassShapeReader.parse(bytes);
		}
		catch (RuntimeException ex) {
			throw truncated();
		}
		String declared = parsed.shape().className();
		if (!declared.equals(change.className())) {
			throw new InvalidClassFileException("declares class " + declared + ", which does not match its path "
					+ "(expected " + change.className() + ")");
		}
		return parsed;
	}

	private static InvalidClassFileException truncated() {
		return new InvalidClassFileException("is truncated or corrupt; a build may still be writing it. "
				+ "Continue again once the build has finished");
	}

	private static int readInt(byte[] bytes, int offset) {
		return (readUnsignedShort(bytes, offset) << 16) | readUnsignedShort(bytes, offset + 2);
	}

	private static int readUnsignedShort(byte[] bytes, int offset) {
		return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
	}

	/**
	 * Thrown when a class file cannot be loaded; the message completes "The class file
	 * X.class ...".
	 */
	static final class InvalidClassFileException extends RuntimeException {

		InvalidClassFileException(String message) {
			super(message);
		}

	}

}

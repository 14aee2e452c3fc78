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

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A class file whose content differs from the baseline.
 *
 * @param className the binary name of the class, for example
 * {@code com.example.Outer$Inner}
 * @param file the class file
 * @param bytes the new content
 * @param fingerprint the fingerprint of the new content
 * @param loadedShape the structure of the content the JVM loaded (or would load), or
 * {@code null} when it is not known: a new file, or one modified after the JVM started
 * and before the baseline was recorded
 * @author hot-restart authors
 */
record ChangedClassFile(String className, Path file, byte[] bytes, ClassFileFingerprint fingerprint,
		@Nullable ClassShape loadedShape) {

}

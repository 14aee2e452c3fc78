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

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A class file the compiler wrote, held in memory until every source of the compilation
 * has compiled.
 *
 * @param className the binary name of the class
 * @param bytes the class file's content
 * @param source the source file it was compiled from, or {@code null} when the compiler
 * did not say
 * @author hot-restart authors
 */
record CompiledClass(String className, byte[] bytes, @Nullable Path source) {

}

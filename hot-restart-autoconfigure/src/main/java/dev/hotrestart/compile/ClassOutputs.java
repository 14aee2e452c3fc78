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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

import org.jspecify.annotations.Nullable;

/**
 * A file manager that keeps the class files the compiler writes in memory, so that none
 * reaches a class directory unless the whole compilation succeeds. Everything else the
 * compiler or an annotation processor writes (generated sources, configuration metadata,
 * service files) goes where the wrapped file manager's output locations say: a scratch
 * directory, never over the build's files.
 * <p>
 * Used by one compilation at a time.
 *
 * @author hot-restart authors
 */
final class ClassOutputs extends ForwardingJavaFileManager<StandardJavaFileManager> {

	private final List<BufferedClass> classes = new ArrayList<>();

	ClassOutputs(StandardJavaFileManager fileManager) {
		super(fileManager);
	}

	@Override
	public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
			@Nullable FileObject sibling) throws IOException {
		if (location == StandardLocation.CLASS_OUTPUT && kind == JavaFileObject.Kind.CLASS) {
			BufferedClass output = new BufferedClass(className, sourcePath(sibling));
			this.classes.add(output);
			return output;
		}
		return super.getJavaFileForOutput(location, className, kind, sibling);
	}

	/**
	 * Return the class files written.
	 * @return the class files, in the order the compiler wrote them
	 */
	List<CompiledClass> classes() {
		return this.classes.stream().map(BufferedClass::compiled).toList();
	}

	private static @Nullable Path sourcePath(@Nullable FileObject sibling) {
		if (sibling == null) {
			return null;
		}
		URI uri = sibling.toUri();
		return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
	}

	/**
	 * A class file written to memory.
	 */
	private static final class BufferedClass extends SimpleJavaFileObject {

		private final String className;

		private final @Nullable Path source;

		private final ByteArrayOutputStream content = new ByteArrayOutputStream();

		BufferedClass(String className, @Nullable Path source) {
			super(URI.create("memory:///" + className.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
			this.className = className;
			this.source = source;
		}

		@Override
		public OutputStream openOutputStream() {
			this.content.reset();
			return this.content;
		}

		CompiledClass compiled() {
			return new CompiledClass(this.className, this.content.toByteArray(), this.source);
		}

	}

}

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

package dev.hotrestart.testsupport;

import java.io.File;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources with the JDK's compiler the way this build's {@code mvn compile}
 * does: {@code --release 17}, debug information and parameter names, no annotation
 * processing. Tests use it to put a class file where a running application finds it, as
 * an IDE build or a recompile would.
 *
 * <p>
 * Instances are immutable; {@link #compile} may be called from any thread.
 */
public final class Javac {

	/**
	 * The options every compilation uses, besides the class path and the output
	 * directory.
	 */
	public static final List<String> OPTIONS = List.of("--release", "17", "-g", "-parameters", "-proc:none");

	private final String classPath;

	private final List<String> options;

	private Javac(String classPath, List<String> options) {
		this.classPath = classPath;
		this.options = options;
	}

	/**
	 * Return a compiler that compiles against this JVM's class path.
	 * @return the compiler
	 */
	public static Javac withClassPathOfThisJvm() {
		return withClassPath(System.getProperty("java.class.path", ""));
	}

	/**
	 * Return a compiler that compiles against the given class path.
	 * @param classPath entries separated by {@link File#pathSeparator}
	 * @return the compiler
	 */
	public static Javac withClassPath(String classPath) {
		return new Javac(classPath, OPTIONS);
	}

	/**
	 * Return a compiler like this one that uses the given debugging options instead of
	 * {@code -g -parameters}, such as none at all, as a build that leaves out local
	 * variable tables does.
	 * @param debugOptions the options to use instead of {@code -g -parameters}
	 * @return the compiler
	 */
	public Javac withDebugOptions(String... debugOptions) {
		List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none"));
		options.addAll(List.of(debugOptions));
		return new Javac(this.classPath, List.copyOf(options));
	}

	/**
	 * Compile sources into a class directory, replacing the class files of earlier
	 * compilations of the same classes.
	 * @param outputDirectory the class directory to write to
	 * @param sources the sources, compiled together
	 * @throws IllegalStateException if the sources do not compile, with javac's
	 * diagnostics
	 */
	public void compile(Path outputDirectory, JavaSource... sources) {
		compile(outputDirectory, List.of(sources));
	}

	/**
	 * Compile sources into a class directory, replacing the class files of earlier
	 * compilations of the same classes.
	 * @param outputDirectory the class directory to write to
	 * @param sources the sources, compiled together
	 * @throws IllegalStateException if the sources do not compile, with javac's
	 * diagnostics
	 */
	public void compile(Path outputDirectory, List<JavaSource> sources) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException(
					"No Java compiler in " + System.getProperty("java.home") + ": run the tests on a JDK, not a JRE");
		}
		List<String> options = new ArrayList<>(this.options);
		options.addAll(List.of("-d", outputDirectory.toString(), "-cp", this.classPath));
		StringWriter diagnostics = new StringWriter();
		boolean compiled = compiler
			.getTask(diagnostics, null, null, options, null, sources.stream().map(Javac::fileObject).toList())
			.call();
		if (!compiled) {
			throw new IllegalStateException(
					"Could not compile " + sources.stream().map(JavaSource::className).toList() + ":\n" + diagnostics);
		}
	}

	private static JavaFileObject fileObject(JavaSource source) {
		URI uri = URI
			.create("string:///" + source.className().replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
		return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {

			@Override
			public CharSequence getCharContent(boolean ignoreEncodingErrors) {
				return source.code();
			}

		};
	}

	/**
	 * The source of one top-level class.
	 *
	 * @param className the binary name of the class, such as {@code com.example.Quotes}
	 * @param code its source code
	 */
	public record JavaSource(String className, String code) {

	}

}

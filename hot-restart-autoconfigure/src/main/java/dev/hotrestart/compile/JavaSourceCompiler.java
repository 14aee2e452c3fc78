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

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaCompiler.CompilationTask;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import org.jspecify.annotations.Nullable;

/**
 * Runs the JDK's compiler in-process on saved sources, against the running application's
 * class path, with the annotation processors found on it, and gives back the class files
 * in memory. Sources are read as UTF-8, as Spring Boot's build sets them.
 * <p>
 * Keeps one file manager open from one compilation to the next, so that the class path's
 * jars are opened once. Not thread-safe: one compilation at a time.
 *
 * @author hot-restart authors
 */
final class JavaSourceCompiler implements AutoCloseable {

	private final JavaCompiler compiler;

	private final StandardJavaFileManager fileManager;

	private final String processorPath;

	/**
	 * Return a compiler of the JDK this JVM runs on.
	 * @param classPath the class path to compile against, and to find annotation
	 * processors on
	 * @return the compiler, or {@code null} when this JVM has none (a JRE, or a runtime
	 * without the {@code jdk.compiler} or {@code java.compiler} module)
	 */
	static @Nullable JavaSourceCompiler ofSystemCompiler(List<Path> classPath) {
		try {
			JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
			return (compiler != null) ? new JavaSourceCompiler(compiler, classPath) : null;
		}
		catch (LinkageError ex) {
			return null;
		}
	}

	JavaSourceCompiler(JavaCompiler compiler, List<Path> classPath) {
		this.compiler = compiler;
		this.fileManager = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
		try {
			this.fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
			// Only the sources given are compiled: none found on the class path
			this.fileManager.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not set up the class path for compiling", ex);
		}
		this.processorPath = classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
	}

	/**
	 * Compile the given sources.
	 * @param sources the source files
	 * @param buildOptions the options the build used
	 * @param classNames the binary names of the sources' top-level classes, for the
	 * exception
	 * @return the class files, in memory
	 * @throws CompileFailedException if the sources do not compile
	 */
	List<CompiledClass> compile(List<Path> sources, List<String> buildOptions, List<String> classNames) {
		return compile(sources, buildOptions, classNames, () -> false);
	}

	/**
	 * Compile the given sources, unless told to stop.
	 * @param sources the source files
	 * @param buildOptions the options the build used
	 * @param classNames the binary names of the sources' top-level classes, for the
	 * exception
	 * @param stop asked between the compiler's phases whether to stop
	 * @return the class files, in memory
	 * @throws CompileFailedException if the sources do not compile
	 * @throws CancellationException if told to stop
	 */
	List<CompiledClass> compile(List<Path> sources, List<String> buildOptions, List<String> classNames,
			BooleanSupplier stop) {
		Path scratch = createScratchDirectory();
		try {
			this.fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT,
					List.of(Files.createDirectories(scratch.resolve("resources"))));
			this.fileManager.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT,
					List.of(Files.createDirectories(scratch.resolve("generated-sources"))));
			List<String> options = new ArrayList<>(buildOptions);
			// Named explicitly, processors on the class path run on JDK 23+ too, as the
			// build ran them
			options.addAll(List.of("--processor-path", this.processorPath, "-nowarn", "-Xlint:none"));
			ClassOutputs outputs = new ClassOutputs(this.fileManager);
			DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
			CompilationTask task = this.compiler.getTask(new StringWriter(), outputs, diagnostics, options, null,
					this.fileManager.getJavaFileObjectsFromPaths(sources));
			((JavacTask) task).addTaskListener(new StopListener(stop));
			boolean compiled = call(task, sources, stop);
			if (!compiled) {
				throw new CompileFailedException(errors(diagnostics), classNames);
			}
			return outputs.classes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not compile " + sources, ex);
		}
		finally {
			delete(scratch);
		}
	}

	private static boolean call(CompilationTask task, List<Path> sources, BooleanSupplier stop) {
		try {
			return task.call();
		}
		catch (RuntimeException | LinkageError ex) {
			if (stop.getAsBoolean()) {
				throw new CancellationException("Compilation stopped");
			}
			throw CompileUnavailableException
				.compilerFailed(sources.stream().map((source) -> String.valueOf(source.getFileName())).toList(), ex);
		}
	}

	private static List<CompileError> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
		return diagnostics.getDiagnostics()
			.stream()
			.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
			.map(JavaSourceCompiler::error)
			.toList();
	}

	private static CompileError error(Diagnostic<? extends JavaFileObject> diagnostic) {
		String message = diagnostic.getMessage(Locale.ENGLISH);
		JavaFileObject source = diagnostic.getSource();
		if (source == null) {
			return new CompileError(null, -1, -1, message, null);
		}
		String file = "file".equals(source.toUri().getScheme()) ? Path.of(source.toUri()).toString() : source.getName();
		long position = diagnostic.getPosition();
		CharSequence content = content(source);
		if (position == Diagnostic.NOPOS || content == null || position > content.length()) {
			return new CompileError(file, diagnostic.getLineNumber(), -1, message, null);
		}
		// javac's own column counts a tab as up to eight: count characters instead
		int lineStart = lineStart(content, (int) position);
		int lineEnd = lineEnd(content, (int) position);
		return new CompileError(file, diagnostic.getLineNumber(), position - lineStart + 1, message,
				content.subSequence(lineStart, lineEnd).toString());
	}

	private static @Nullable CharSequence content(JavaFileObject source) {
		try {
			return source.getCharContent(true);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static int lineStart(CharSequence content, int position) {
		int index = Math.min(position, content.length());
		while (index > 0 && content.charAt(index - 1) != '\n' && content.charAt(index - 1) != '\r') {
			index--;
		}
		return index;
	}

	private static int lineEnd(CharSequence content, int position) {
		int index = position;
		while (index < content.length() && content.charAt(index) != '\n' && content.charAt(index) != '\r') {
			index++;
		}
		return index;
	}

	private static Path createScratchDirectory() {
		try {
			return Files.createTempDirectory("hot-restart-compile-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a scratch directory for compiling", ex);
		}
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// Only scratch files: the temporary directory's owner cleans up eventually
		}
	}

	/**
	 * Stops a compilation between two of its phases when told to.
	 */
	private record StopListener(BooleanSupplier stop) implements TaskListener {

		@Override
		public void started(TaskEvent event) {
			if (this.stop.getAsBoolean()) {
				throw new CancellationException("Compilation stopped");
			}
		}

	}

	@Override
	public void close() throws IOException {
		this.fileManager.close();
	}

}

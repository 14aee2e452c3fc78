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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.ClassDirectories;
import dev.hotrestart.reload.SourceRoot;

/**
 * Compiles the saved sources that changed since the running classes were compiled from
 * them, so that a continue needs no build step: in-process with the JDK's compiler,
 * against the application's class path, with the options the build used and the
 * annotation processors on the class path, writing the class files into the class
 * directories as an IDE build would. The class reload that follows picks them up.
 * <p>
 * A source whose class file a build (an IDE's) wrote after it was saved counts as
 * compiled. Nothing is written unless every changed source compiles.
 * <p>
 * Called from request threads, the class directory watcher's thread and the warm-up's;
 * thread-safe: one look for changed sources at a time, under the instance's monitor, and
 * one use of the compiler at a time, under its own lock, so that a look that finds
 * nothing to compile never waits for the warm-up.
 *
 * @author hot-restart authors
 */
public class ChangedSourceCompiler implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ChangedSourceCompiler.class);

	private final SourceBaseline baseline;

	private final ClassFileOutput output;

	private final SourceTriage triage;

	private final BuildOptionsFinder buildOptions;

	private final Function<List<Path>, @Nullable JavaSourceCompiler> javacFactory;

	private final Supplier<List<Path>> classPath;

	private final Object javacLock = new Object();

	private @Nullable JavaSourceCompiler javac;

	private boolean closed;

	private volatile boolean warmUpStopped;

	/**
	 * Create a compiler of the saved sources of the running application.
	 * @param baseline the sources as the running classes were compiled from them
	 * @param applicationCode the application's class directories
	 */
	public ChangedSourceCompiler(SourceBaseline baseline, ApplicationCode applicationCode) {
		// A lambda, not a method reference, so that creating the bean links nothing of
		// the compiler: a runtime without it must still start
		this(baseline, applicationCode, (classPath) -> JavaSourceCompiler.ofSystemCompiler(classPath),
				ClassDirectories::entriesOfClassPath, ClassLoader.getSystemClassLoader());
	}

	ChangedSourceCompiler(SourceBaseline baseline, ApplicationCode applicationCode,
			Function<List<Path>, @Nullable JavaSourceCompiler> javacFactory, Supplier<List<Path>> classPath,
			ClassLoader processorPath) {
		this.baseline = baseline;
		this.output = new ClassFileOutput(applicationCode);
		this.triage = new SourceTriage(this.output, new AnnotationProcessors(processorPath));
		this.buildOptions = new BuildOptionsFinder(this.output);
		this.javacFactory = javacFactory;
		this.classPath = classPath;
	}

	/**
	 * Return the source directories whose sources are compiled.
	 * @return the source directories
	 */
	public List<Path> getSourceDirectories() {
		return this.baseline.getRoots().stream().map(SourceRoot::directory).toList();
	}

	/**
	 * Record the sources as the running classes were compiled from them, unless that has
	 * been done. Meant to run in the background once the application is ready.
	 */
	public void recordBaseline() {
		this.baseline.record();
	}

	/**
	 * Compile every saved source that changed since the running classes were compiled
	 * from it and that no build has compiled since, and write the class files into the
	 * class directories.
	 * @return what was compiled
	 * @throws CompileFailedException if the sources do not compile; nothing is written
	 * @throws CompileUnavailableException if they cannot be compiled in this JVM
	 */
	public synchronized CompiledSources compileChanged() {
		long start = System.nanoTime();
		List<ChangedSource> changed = new ArrayList<>();
		List<ChangedSource> compiledByBuild = new ArrayList<>();
		for (ChangedSource source : this.baseline.changes()) {
			(this.triage.isCompiledByBuild(source) ? compiledByBuild : changed).add(source);
		}
		this.baseline.accept(compiledByBuild);
		if (changed.isEmpty()) {
			// A look that finds nothing, as the watcher's when it starts, leaves the
			// warm-up be
			return CompiledSources.none();
		}
		// Real work comes first: the warm-up gives way, keeping what it has loaded
		this.warmUpStopped = true;
		this.triage.checkCompilable(changed);
		List<CompiledClass> classes = compile(changed);
		Map<Path, SourceRoot> roots = new HashMap<>();
		changed.forEach((source) -> roots.put(source.file(), source.root()));
		List<Path> written = this.output.write(classes, roots,
				this.output.defaultClassDirectoryOf(changed.get(0).root()));
		this.baseline.accept(changed);
		logger.info("Compiled " + changed.size() + " saved source file(s) in " + (System.nanoTime() - start) / 1_000_000
				+ " ms: " + changed.stream().map(ChangedSource::fileName).collect(Collectors.joining(", ")));
		return new CompiledSources(changed.stream().map(ChangedSource::file).toList(), written);
	}

	private List<CompiledClass> compile(List<ChangedSource> changed) {
		synchronized (this.javacLock) {
			return compile(javac(changed.stream().map(ChangedSource::fileName).toList()), changed);
		}
	}

	private List<CompiledClass> compile(JavaSourceCompiler javac, List<ChangedSource> changed) {
		List<String> classNames = changed.stream().map(ChangedSource::className).toList();
		Map<BuildOptions, List<Path>> groups = new LinkedHashMap<>();
		for (ChangedSource source : changed) {
			groups
				.computeIfAbsent(this.buildOptions.find(source.root(), source.classFilePath()),
						(options) -> new ArrayList<>())
				.add(source.file());
		}
		List<CompiledClass> classes = new ArrayList<>();
		try {
			groups
				.forEach((options, files) -> classes.addAll(javac.compile(files, options.javacOptions(), classNames)));
		}
		catch (CompileFailedException ex) {
			// As a build prints them, for the terminal the application runs in
			logger.warn(ex.getMessage() + "\n" + ex.describeErrors());
			throw ex;
		}
		return classes;
	}

	/**
	 * Take the one-off costs off the first compilation: record the baseline, and compile
	 * the source of the class a fix will most likely change, throwing the result away, so
	 * that the compiler and the annotation processors are loaded and the class path's
	 * jars opened. Meant to run in the background when the first call parks; it stops as
	 * soon as a continue or a save looks for changed sources, so as never to hold them
	 * up. Failures are left for the continue to report.
	 * @param likelyChangedClass the binary name of the class a fix will most likely
	 * change (that of the parked call)
	 */
	public void prepare(String likelyChangedClass) {
		try {
			this.baseline.record();
			int nested = likelyChangedClass.indexOf('$');
			String path = ((nested > 0) ? likelyChangedClass.substring(0, nested) : likelyChangedClass).replace('.',
					'/');
			for (SourceRoot root : this.baseline.getRoots()) {
				Path source = root.directory().resolve(path + SourceLanguage.JAVA.suffix());
				if (Files.isRegularFile(source)) {
					warmUp(root, source, path);
					return;
				}
			}
		}
		catch (RuntimeException | LinkageError ex) {
			logger.debug("Could not prepare compiling in advance; continue will report why", ex);
		}
	}

	private void warmUp(SourceRoot root, Path source, String path) {
		synchronized (this.javacLock) {
			if (!this.closed) {
				long start = System.nanoTime();
				JavaSourceCompiler javac = javac(List.of(source.getFileName().toString()));
				javac.compile(List.of(source), this.buildOptions.find(root, path + ".class").javacOptions(), List.of(),
						() -> this.warmUpStopped);
				logger.debug("Prepared compiling saved sources in " + (System.nanoTime() - start) / 1_000_000
						+ " ms by compiling " + source.getFileName() + " once");
			}
		}
	}

	private JavaSourceCompiler javac(List<String> files) {
		if (this.javac == null) {
			Set<Path> classPath = new LinkedHashSet<>(this.classPath.get());
			classPath.addAll(this.output.classDirectories());
			try {
				this.javac = this.javacFactory.apply(List.copyOf(classPath));
			}
			catch (LinkageError ex) {
				// No java.compiler module: the compiler's API itself is missing
				this.javac = null;
			}
			if (this.javac == null) {
				throw CompileUnavailableException.noCompiler(files);
			}
		}
		return this.javac;
	}

	@Override
	public void destroy() throws IOException {
		synchronized (this.javacLock) {
			this.closed = true;
			if (this.javac != null) {
				this.javac.close();
				this.javac = null;
			}
		}
	}

}

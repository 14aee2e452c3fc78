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

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * Reloads the classes whose class files changed since they were loaded: finds the changes
 * in the {@link ClassFileBaseline}, checks that every changed file can be loaded,
 * compares each loaded class with its new class file to explain up front what the JVM
 * would refuse, then redefines all of them in one call through the
 * {@link InstrumentationProvider}'s instrumentation, and moves the baseline on.
 * <p>
 * Nothing is half-applied: a rejected file or a refused change throws before anything is
 * redefined, and the JVM applies its one call in full or not at all. The baseline then
 * stays where it was, so the next reload tries the same changes again.
 * <p>
 * Thread-safe: reloads are serialised, so two continues never redefine at once.
 *
 * @author hot-restart authors
 */
public class ClassReloader {

	private static final Log logger = LogFactory.getLog(ClassReloader.class);

	private static final int LOGGED_CLASS_NAMES = 10;

	private static final int WARM_UP_ROUNDS = 50;

	static final String STOCK_ADVICE = "Nothing was reloaded and the call stays parked. This JVM can only replace "
			+ "the bodies of existing methods: move the new logic into an existing method (without new lambdas, "
			+ "anonymous classes, fields or methods), recompile and continue again; or restart the application; "
			+ "or run it on JetBrains Runtime with -XX:+AllowEnhancedClassRedefinition, which can apply such "
			+ "changes. You can also abort the call.";

	static final String ENHANCED_ADVICE = "Nothing was reloaded and the call stays parked. Undo that part of the "
			+ "change, recompile and continue again, or restart the application. You can also abort the call.";

	private final ClassFileBaseline baseline;

	private final InstrumentationProvider instrumentationProvider;

	private final @Nullable ClassLoader applicationClassLoader;

	private final ClassFileCheck check = new ClassFileCheck();

	private final Supplier<ChangeExplainer> explainer;

	private final Supplier<String> advice;

	/**
	 * Create a reloader for classes of the thread context class loader.
	 * @param baseline the class files as loaded
	 * @param instrumentationProvider supplies the instrumentation
	 */
	public ClassReloader(ClassFileBaseline baseline, InstrumentationProvider instrumentationProvider) {
		this(baseline, instrumentationProvider, Thread.currentThread().getContextClassLoader());
	}

	/**
	 * Create a reloader.
	 * @param baseline the class files as loaded
	 * @param instrumentationProvider supplies the instrumentation
	 * @param applicationClassLoader the class loader of the application's classes, which
	 * decides which copy to redefine when a class is loaded by several class loaders
	 */
	public ClassReloader(ClassFileBaseline baseline, InstrumentationProvider instrumentationProvider,
			@Nullable ClassLoader applicationClassLoader) {
		// Asking the JVM about its options costs start-up time: ask on first use
		this(baseline, instrumentationProvider, applicationClassLoader,
				SingletonSupplier.of(EnhancedRedefinition::isEnabled));
	}

	ClassReloader(ClassFileBaseline baseline, InstrumentationProvider instrumentationProvider,
			@Nullable ClassLoader applicationClassLoader, boolean enhancedRedefinition) {
		this(baseline, instrumentationProvider, applicationClassLoader, () -> enhancedRedefinition);
	}

	private ClassReloader(ClassFileBaseline baseline, InstrumentationProvider instrumentationProvider,
			@Nullable ClassLoader applicationClassLoader, Supplier<Boolean> enhancedRedefinition) {
		this.baseline = baseline;
		this.instrumentationProvider = instrumentationProvider;
		this.applicationClassLoader = applicationClassLoader;
		this.explainer = SingletonSupplier.of(() -> new ChangeExplainer(enhancedRedefinition.get()));
		this.advice = SingletonSupplier.of(() -> enhancedRedefinition.get() ? ENHANCED_ADVICE : STOCK_ADVICE);
	}

	/**
	 * Redefine every loaded class whose class file changed.
	 * @return the classes reloaded, the changed ones not loaded, and warnings
	 * @throws ClassFileRejectedException if a changed class file cannot be loaded
	 * @throws ReloadRefusedException if this JVM cannot apply a change
	 * @throws InstrumentationUnavailableException if this JVM cannot redefine classes
	 */
	public synchronized ReloadResult reloadChangedClasses() {
		long start = System.nanoTime();
		List<ChangedClassFile> changes = this.baseline.changes();
		if (changes.isEmpty()) {
			return ReloadResult.nothingChanged();
		}
		Map<ChangedClassFile, ParsedClassFile> parsed = parse(changes);
		Instrumentation instrumentation = this.instrumentationProvider.get();
		long detected = System.nanoTime();
		LoadedClasses.Selection loaded = new LoadedClasses(instrumentation, this.applicationClassLoader)
			.select(changes.stream().map(ChangedClassFile::className).toList());
		long found = System.nanoTime();
		List<ReloadNote> refusals = new ArrayList<>();
		List<ReloadNote> warnings = new ArrayList<>(loaded.warnings());
		List<ClassDefinition> definitions = new ArrayList<>();
		List<String> reloaded = new ArrayList<>();
		List<String> notLoaded = new ArrayList<>();
		for (ChangedClassFile change : changes) {
			if (!loaded.isLoaded(change.className())) {
				notLoaded.add(change.className());
				warnings.add(new ReloadNote(change.className(), MemberNames.simpleName(change.className()),
						"not loaded yet: it will be loaded from the new class file when first used, "
								+ "so there is nothing to reload"));
				continue;
			}
			if (change.loadedShape() != null) {
				ChangeNotes notes = this.explainer.get().explain(change.loadedShape(), parsed.get(change));
				refusals.addAll(notes.refusals());
				warnings.addAll(notes.warnings());
			}
			loaded.classes()
				.get(change.className())
				.forEach((type) -> definitions.add(new ClassDefinition(type, change.bytes())));
			reloaded.add(change.className());
		}
		if (!refusals.isEmpty()) {
			throw new ReloadRefusedException(refusals, this.advice.get(), null);
		}
		ClassRedefiner.redefine(instrumentation, definitions,
				changes.stream().filter((change) -> loaded.isLoaded(change.className())).toList(), this.advice.get());
		this.baseline.accept(changes);
		if (!reloaded.isEmpty()) {
			long end = System.nanoTime();
			logger.info("Reloaded " + reloaded.size() + " class(es) in " + millis(end - start) + " ms (detect "
					+ millis(detected - start) + ", find " + millis(found - detected) + ", redefine "
					+ millis(end - found) + "): " + abbreviate(reloaded));
		}
		warnings.forEach((warning) -> logger.warn("Reload: " + warning.describe()));
		return new ReloadResult(reloaded.stream().sorted().toList(), notLoaded.stream().sorted().toList(),
				List.copyOf(warnings));
	}

	private static long millis(long nanos) {
		return nanos / 1_000_000;
	}

	private static String abbreviate(List<String> classNames) {
		if (classNames.size() <= LOGGED_CLASS_NAMES) {
			return String.join(", ", classNames);
		}
		return String.join(", ", classNames.subList(0, LOGGED_CLASS_NAMES)) + " and "
				+ (classNames.size() - LOGGED_CLASS_NAMES) + " more";
	}

	private Map<ChangedClassFile, ParsedClassFile> parse(List<ChangedClassFile> changes) {
		// By identity: hashing these records would cost more than parsing them, the first
		// time
		Map<ChangedClassFile, ParsedClassFile> parsed = new IdentityHashMap<>();
		List<ClassFileRejectedException.RejectedClassFile> rejected = new ArrayList<>();
		for (ChangedClassFile change : changes) {
			try {
				parsed.put(change, this.check.parse(change));
			}
			catch (ClassFileCheck.InvalidClassFileException ex) {
				rejected.add(new ClassFileRejectedException.RejectedClassFile(change.className(),
						change.file().toString(), ex.getMessage()));
			}
		}
		if (!rejected.isEmpty()) {
			throw new ClassFileRejectedException(rejected, null);
		}
		return parsed;
	}

	/**
	 * Return the names of the classes whose class files changed since they were loaded,
	 * without reloading anything.
	 * @return the binary names of the changed classes
	 */
	public List<String> pendingChanges() {
		return this.baseline.changes().stream().map(ChangedClassFile::className).sorted().toList();
	}

	/**
	 * Take the one-off costs off the first continue: record the baseline, obtain the
	 * instrumentation, and warm up explaining, finding and redefining classes. Meant to
	 * run in the background when the first call parks; failures are left for continue to
	 * report.
	 * @param likelyChangedClass the class a fix will most likely change (that of the
	 * parked call): explaining its class file a few times loads and compiles the code a
	 * continue runs
	 */
	public void prepare(String likelyChangedClass) {
		try {
			this.baseline.record();
			Instrumentation instrumentation = this.instrumentationProvider.get();
			byte[] agentBytes = ownBytes(HotRestartAgent.class);
			byte[] sample = classFile(likelyChangedClass, agentBytes);
			for (int round = 0; round < WARM_UP_ROUNDS; round++) {
				ParsedClassFile parsed = ClassShapeReader.parse(sample);
				this.explainer.get().explain(parsed.shape(), parsed);
			}
			new LoadedClasses(instrumentation, this.applicationClassLoader).select(List.of(likelyChangedClass));
			instrumentation.redefineClasses(new ClassDefinition(HotRestartAgent.class, agentBytes));
		}
		catch (RuntimeException | IOException | ClassNotFoundException | java.lang.instrument.UnmodifiableClassException
				| LinkageError ex) {
			logger.debug("Could not prepare class reloading in advance; continue will report why", ex);
		}
	}

	private byte[] classFile(String className, byte[] fallback) throws IOException {
		Path file = new ApplicationCode(this.baseline.getDirectories()).classFile(className).orElse(null);
		return (file != null) ? Files.readAllBytes(file) : fallback;
	}

	private static byte[] ownBytes(Class<?> type) throws IOException {
		try (InputStream stream = type.getResourceAsStream(type.getSimpleName() + ".class")) {
			if (stream == null) {
				throw new IOException("No class file for " + type.getName());
			}
			return stream.readAllBytes();
		}
	}

}

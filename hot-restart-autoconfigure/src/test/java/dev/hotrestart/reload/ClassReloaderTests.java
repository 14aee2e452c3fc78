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
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ClassReloader}: real class files compiled at test time, loaded by a
 * real class loader and redefined through a real instrumentation. Each test uses its own
 * class name, as redefinitions last as long as the JVM.
 *
 * @author hot-restart authors
 */
class ClassReloaderTests {

	private static final String QUOTE = """
			public String get() {
				return quote("a", 1);
			}

			String quote(String s, int n) {
				return "%s";
			}
			""";

	@TempDir
	Path root;

	private CompiledClasses classes;

	private ClassFileBaseline baseline;

	private URLClassLoader loader;

	@AfterEach
	void closeLoader() throws IOException {
		if (this.loader != null) {
			this.loader.close();
		}
	}

	@Test
	void whenMethodBodyChangedThenClassIsReloadedAndNewCodeRuns() {
		Supplier<String> service = load("BodyChangeService", QUOTE.formatted("old"));
		ReloadResult result = reloader().reloadChangedClasses();
		assertThat(result.reloaded()).isEmpty();
		compile("BodyChangeService", QUOTE.formatted("new"));
		result = reloader().reloadChangedClasses();
		assertThat(result.reloaded()).containsExactly("demo.BodyChangeService");
		assertThat(result.notLoaded()).isEmpty();
		assertThat(result.warnings()).isEmpty();
		assertThat(service.get()).isEqualTo("new");
		assertThat(reloader().pendingChanges()).isEmpty();
	}

	@Test
	void whenLambdaAddedThenReloadIsRefusedNamingTheMethodOfTheLambda() {
		Supplier<String> service = load("LambdaQuoteService", QUOTE.formatted("old"));
		compile("LambdaQuoteService", """
				public String get() {
					return quote("a", 1);
				}

				String quote(String s, int n) {
					Supplier<String> quote = () -> "new " + s;
					return quote.get();
				}
				""");
		assertRefused(service, "LambdaQuoteService", "LambdaQuoteService.quote(String,int)",
				"a new lambda adds method lambda$quote$0, and this JVM cannot add methods");
	}

	@Test
	void whenMethodAddedThenReloadIsRefused() {
		Supplier<String> service = load("NewMethodService", QUOTE.formatted("old"));
		compile("NewMethodService", """
				public String get() {
					return discount(10);
				}

				String quote(String s, int n) {
					return "old";
				}

				String discount(int percent) {
					return "new";
				}
				""");
		assertRefused(service, "NewMethodService", "NewMethodService.discount(int)",
				"new method `discount(int)`, and this JVM cannot add methods");
	}

	@Test
	void whenOnlyAnUnrelatedClassLoaderHoldsTheClassThenItIsLeftAlone() throws Exception {
		this.classes = new CompiledClasses(this.root);
		compile("DiscardedService", "int extra;\n" + QUOTE.formatted("discarded"));
		Supplier<String> discarded;
		try (URLClassLoader discardedLoader = this.classes.newClassLoader()) {
			discarded = instantiate(discardedLoader, "DiscardedService");
		}
		compile("DiscardedService", QUOTE.formatted("v1"));
		this.baseline = this.classes.recordBaseline();
		this.loader = this.classes.newClassLoader();
		compile("DiscardedService", QUOTE.formatted("v2"));

		ReloadResult result = reloader().reloadChangedClasses();

		assertThat(result.reloaded()).as("a discarded loader's copy, with an older schema, is not redefined").isEmpty();
		assertThat(result.notLoaded()).containsExactly("demo.DiscardedService");
		assertThat(discarded.get()).isEqualTo("discarded");
		assertThat(instantiate(this.loader, "DiscardedService").get()).isEqualTo("v2");
	}

	@Test
	void whenFieldAddedThenReloadIsRefused() {
		Supplier<String> service = load("NewFieldService", QUOTE.formatted("old"));
		compile("NewFieldService", """
				private final java.util.Map<String, String> cache = new java.util.HashMap<>();

				public String get() {
					return this.cache.computeIfAbsent(quote("a", 1), String::valueOf);
				}

				String quote(String s, int n) {
					return "new";
				}
				""");
		assertRefused(service, "NewFieldService", "NewFieldService.cache",
				"new field `cache`, and this JVM cannot add fields");
	}

	@Test
	void whenParameterListChangedThenReloadIsRefused() {
		Supplier<String> service = load("SignatureService", """
				public String get() {
					return price(1);
				}

				String price(int amount) {
					return "old";
				}
				""");
		compile("SignatureService", """
				public String get() {
					return price(1, 2);
				}

				String price(int amount, int discount) {
					return "new";
				}
				""");
		assertRefused(service, "SignatureService", "SignatureService.price(int,int)",
				"parameter list of `price(int)` changed to `price(int,int)`, and this JVM cannot change method "
						+ "signatures");
	}

	@Test
	void whenAnonymousClassAddedThenReloadIsRefusedNamingTheMethod() {
		Supplier<String> service = load("AnonymousService", QUOTE.formatted("old"));
		compile("AnonymousService", """
				public String get() {
					return quote("a", 1);
				}

				String quote(String s, int n) {
					return new Object() {

						@Override
						public String toString() {
							return "new";
						}

					}.toString();
				}
				""");
		assertRefused(service, "AnonymousService", "AnonymousService.quote(String,int)",
				"new anonymous class AnonymousService$1, and this JVM cannot add nested classes");
	}

	@Test
	void whenFirstEnumSwitchAddedThenReloadIsRefusedNamingTheMethod() {
		Supplier<String> service = load("EnumSwitchService", QUOTE.formatted("old"));
		compile("EnumSwitchService", """
				public String get() {
					return quote("a", 1);
				}

				String quote(String s, int n) {
					switch (java.time.DayOfWeek.of(n)) {
						case MONDAY:
							return "new";
						default:
							return "other";
					}
				}
				""");
		assertRefused(service, "EnumSwitchService", "EnumSwitchService.quote(String,int)",
				"first switch on an enum in the class adds nested class EnumSwitchService$1, and this JVM cannot "
						+ "add nested classes");
	}

	@Test
	void whenFirstAssertAddedThenReloadIsRefusedNamingTheMethod() {
		Supplier<String> service = load("AssertService", QUOTE.formatted("old"));
		compile("AssertService", """
				public String get() {
					return quote("a", 1);
				}

				String quote(String s, int n) {
					assert n > 0 : "positive";
					return "new";
				}
				""");
		assertRefused(service, "AssertService", "AssertService.quote(String,int)",
				"first assert in the class adds field $assertionsDisabled, and this JVM cannot add fields");
	}

	@Test
	void whenMethodModifiersChangedThenReloadIsRefused() {
		Supplier<String> service = load("ModifiersService", QUOTE.formatted("old"));
		compile("ModifiersService", """
				public String get() {
					return quote("a", 1);
				}

				synchronized String quote(String s, int n) {
					return "new";
				}
				""");
		assertRefused(service, "ModifiersService", "ModifiersService.quote(String,int)",
				"modifiers of `quote(String,int)` changed from `package-private` to `synchronized`, and this JVM "
						+ "cannot change method modifiers");
	}

	@Test
	void whenClassModifiersChangedThenReloadIsRefused() {
		Supplier<String> service = load("ClassModifiersService", QUOTE.formatted("old"));
		this.classes.compile("demo.ClassModifiersService",
				source("ClassModifiersService", QUOTE.formatted("new")).replace("public class", "public final class"));
		assertRefused(service, "ClassModifiersService", "ClassModifiersService",
				"class modifiers changed from `public` to `public final`, and this JVM cannot change class "
						+ "modifiers");
	}

	@Test
	void whenInterfaceAddedThenReloadIsRefused() {
		String run = "\npublic void run() {\n}\n";
		Supplier<String> service = load("InterfaceService", QUOTE.formatted("old") + run);
		this.classes.compile("demo.InterfaceService", source("InterfaceService", QUOTE.formatted("new") + run)
			.replace("implements Supplier<String>", "implements Supplier<String>, Runnable"));
		assertRefused(service, "InterfaceService", "InterfaceService",
				"interfaces changed from `Supplier` to `Supplier, Runnable`, and this JVM cannot change the "
						+ "superclass or interfaces");
	}

	@Test
	void whenStaticInitialiserChangedThenClassIsReloadedWithWarning() {
		Supplier<String> service = load("StaticInitService", """
				private static final String WORD = String.valueOf("old");

				public String get() {
					return "one " + WORD;
				}
				""");
		compile("StaticInitService", """
				private static final String WORD = String.valueOf("new");

				public String get() {
					return "two " + WORD;
				}
				""");
		ReloadResult result = reloader().reloadChangedClasses();
		assertThat(result.reloaded()).containsExactly("demo.StaticInitService");
		assertThat(result.warnings()).extracting(ReloadNote::className, ReloadNote::member, ReloadNote::cause)
			.containsExactly(tuple("demo.StaticInitService", "StaticInitService (static initialiser)",
					"the static initialiser changed, but it ran when the class was loaded and will not run again: "
							+ "its new values take effect only after a restart"));
		assertThat(service.get()).isEqualTo("two old");
	}

	@Test
	void whenConstantChangedThenClassIsReloadedWithWarning() {
		Supplier<String> service = load("ConstantService", """
				static final int RATE = 1;

				public String get() {
					return "rate " + RATE;
				}
				""");
		compile("ConstantService", """
				static final int RATE = 2;

				public String get() {
					return "rate " + RATE;
				}
				""");
		ReloadResult result = reloader().reloadChangedClasses();
		assertThat(result.reloaded()).containsExactly("demo.ConstantService");
		assertThat(result.warnings()).extracting(ReloadNote::member, ReloadNote::cause)
			.containsExactly(tuple("ConstantService.RATE",
					"the value of constant `RATE` changed from 1 to 2; code of this class uses the new value, but "
							+ "the field keeps the old one until a restart, and so does code of other classes "
							+ "compiled against it"));
		assertThat(service.get()).isEqualTo("rate 2");
	}

	@Test
	void whenOneOfTwoClassesIsRefusedThenNeitherIsReloaded() {
		Supplier<String> first = load("PairBodyService", QUOTE.formatted("old"));
		Supplier<String> second = loadMore("PairFieldService", QUOTE.formatted("old"));
		compile("PairBodyService", QUOTE.formatted("new"));
		compile("PairFieldService", "int count;\n" + QUOTE.formatted("new"));
		assertThatExceptionOfType(ReloadRefusedException.class).isThrownBy(() -> reloader().reloadChangedClasses())
			.satisfies((ex) -> assertThat(ex.getClassNames()).containsExactly("demo.PairFieldService"));
		assertThat(first.get()).isEqualTo("old");
		assertThat(second.get()).isEqualTo("old");
		assertThat(reloader().pendingChanges()).containsExactly("demo.PairBodyService", "demo.PairFieldService");
	}

	@Test
	void whenClassFileTruncatedThenItIsRejectedAndAGoodFileLaterReloads() throws IOException {
		Supplier<String> service = load("TruncatedService", QUOTE.formatted("old"));
		compile("TruncatedService", QUOTE.formatted("new"));
		Path file = this.classes.classFile("demo.TruncatedService");
		byte[] bytes = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
		assertThatExceptionOfType(ClassFileRejectedException.class).isThrownBy(() -> reloader().reloadChangedClasses())
			.satisfies((ex) -> assertThat(ex.getFiles()).containsExactly(
					new ClassFileRejectedException.RejectedClassFile("demo.TruncatedService", file.toString(),
							"is truncated or corrupt; a build may still be writing it. Continue again once the "
									+ "build has finished")));
		assertThat(service.get()).isEqualTo("old");
		Files.write(file, bytes);
		assertThat(reloader().reloadChangedClasses().reloaded()).containsExactly("demo.TruncatedService");
		assertThat(service.get()).isEqualTo("new");
	}

	@Test
	void whenClassFileIsForNewerJavaThenItIsRejected() throws IOException {
		Supplier<String> service = load("NewerJavaService", QUOTE.formatted("old"));
		compile("NewerJavaService", QUOTE.formatted("new"));
		Path file = this.classes.classFile("demo.NewerJavaService");
		byte[] bytes = Files.readAllBytes(file);
		int feature = Runtime.version().feature();
		int major = feature + 45;
		bytes[6] = (byte) (major >> 8);
		bytes[7] = (byte) major;
		Files.write(file, bytes);
		assertThatExceptionOfType(ClassFileRejectedException.class).isThrownBy(() -> reloader().reloadChangedClasses())
			.satisfies((ex) -> assertThat(ex.getFiles()).singleElement()
				.extracting(ClassFileRejectedException.RejectedClassFile::cause)
				.isEqualTo("was compiled for Java " + (feature + 1) + " (class file version " + major
						+ "), but this JVM runs Java " + feature + " and reads class files up to version "
						+ (feature + 44) + ". Compile with --release " + feature
						+ " (maven.compiler.release), or run the application on Java " + (feature + 1) + " or later"))
			.withMessageEndingWith("Nothing was reloaded and the call stays parked; continue again once the class "
					+ "files are good, or abort the call.");
		assertThat(service.get()).isEqualTo("old");
	}

	@Test
	void whenClassFileFailsVerificationThenItIsRejected() throws IOException {
		Supplier<String> service = load("UnverifiableService", QUOTE.formatted("old"));
		Path file = this.classes.classFile("demo.UnverifiableService");
		Files.write(file, returningAnInt(Files.readAllBytes(file), "get", "()Ljava/lang/String;"));
		assertThatExceptionOfType(ClassFileRejectedException.class).isThrownBy(() -> reloader().reloadChangedClasses())
			.satisfies((ex) -> assertThat(ex.getFiles()).singleElement().satisfies((rejected) -> {
				assertThat(rejected.file()).isEqualTo(file.toString());
				assertThat(rejected.cause()).startsWith("was rejected by the JVM as invalid (VerifyError");
			}));
		assertThat(service.get()).isEqualTo("old");
	}

	@Test
	void whenChangedClassIsNotLoadedThenItIsSkippedWithWarning() {
		load("LoadedService", QUOTE.formatted("old"));
		this.classes.compile("demo.UnusedService", source("UnusedService", QUOTE.formatted("new")));
		ReloadResult result = reloader().reloadChangedClasses();
		assertThat(result.reloaded()).isEmpty();
		assertThat(result.notLoaded()).containsExactly("demo.UnusedService");
		assertThat(result.warnings()).extracting(ReloadNote::member, ReloadNote::cause)
			.containsExactly(tuple("UnusedService", "not loaded yet: it will be loaded from the new class file "
					+ "when first used, so there is nothing to reload"));
	}

	@Test
	void whenClassIsLoadedTwiceThenTheApplicationsCopyIsReloadedWithWarning() throws Exception {
		Supplier<String> stale = load("TwiceLoadedService", QUOTE.formatted("old"));
		try (URLClassLoader current = this.classes.newClassLoader()) {
			Supplier<String> used = instantiate(current, "TwiceLoadedService");
			compile("TwiceLoadedService", QUOTE.formatted("new"));
			ReloadResult result = new ClassReloader(this.baseline, new InstrumentationProvider(), current, false)
				.reloadChangedClasses();
			assertThat(result.reloaded()).containsExactly("demo.TwiceLoadedService");
			assertThat(used.get()).isEqualTo("new");
			assertThat(stale.get()).isEqualTo("old");
			assertThat(result.warnings()).singleElement()
				.satisfies((warning) -> assertThat(warning.cause()).startsWith("loaded by 2 class loaders (")
					.endsWith("); reloaded the copy of URLClassLoader@"
							+ Integer.toHexString(System.identityHashCode(current))
							+ ", which the application uses now; the other copies keep the old code"));
		}
	}

	@Test
	void whenJvmHasEnhancedRedefinitionThenStructuralChangesAreLeftToTheJvm() {
		Supplier<String> service = load("EnhancedService", QUOTE.formatted("old"));
		compile("EnhancedService", QUOTE.formatted("new") + "\nString extra() {\nreturn \"x\";\n}\n");
		ClassReloader enhanced = new ClassReloader(this.baseline, new InstrumentationProvider(), this.loader, true);
		assertThatExceptionOfType(ReloadRefusedException.class).isThrownBy(enhanced::reloadChangedClasses)
			.satisfies((ex) -> {
				assertThat(ex.getRefusals()).extracting(ReloadNote::member, ReloadNote::cause)
					.containsExactly(tuple("EnhancedService", "the change adds a method (a new method, constructor "
							+ "or lambda), and this JVM cannot add methods"));
				assertThat(ex.getAdvice()).isEqualTo(ClassReloader.ENHANCED_ADVICE);
				assertThat(ex.getCause()).isInstanceOf(UnsupportedOperationException.class);
			});
		assertThat(service.get()).isEqualTo("old");
	}

	private void assertRefused(Supplier<String> service, String simpleName, String member, String cause) {
		assertThatExceptionOfType(ReloadRefusedException.class).isThrownBy(() -> reloader().reloadChangedClasses())
			.satisfies((ex) -> {
				assertThat(ex.getRefusals()).extracting(ReloadNote::className, ReloadNote::member, ReloadNote::cause)
					.containsExactly(tuple("demo." + simpleName, member, cause));
				assertThat(ex.getAdvice()).isEqualTo(ClassReloader.STOCK_ADVICE);
			})
			.withMessage("The changes cannot be applied in this JVM: " + member + ": " + cause + ". "
					+ ClassReloader.STOCK_ADVICE);
		assertThat(service.get()).isEqualTo("old");
		assertThat(reloader().pendingChanges()).contains("demo." + simpleName);
	}

	private Supplier<String> load(String simpleName, String members) {
		this.classes = new CompiledClasses(this.root);
		compile(simpleName, members);
		this.baseline = this.classes.recordBaseline();
		this.loader = this.classes.newClassLoader();
		return instantiate(this.loader, simpleName);
	}

	private Supplier<String> loadMore(String simpleName, String members) {
		compile(simpleName, members);
		this.baseline = this.classes.recordBaseline();
		return instantiate(this.loader, simpleName);
	}

	private ClassReloader reloader() {
		return new ClassReloader(this.baseline, new InstrumentationProvider(), this.loader, false);
	}

	private void compile(String simpleName, String members) {
		this.classes.compile("demo." + simpleName, source(simpleName, members));
	}

	static String source(String simpleName, String members) {
		return "package demo;\n\nimport java.util.function.Supplier;\n\npublic class " + simpleName
				+ " implements Supplier<String> {\n\n" + members + "\n}\n";
	}

	/**
	 * Rewrite a method so that it returns an int where an object is due, which the
	 * verifier rejects.
	 */
	private static byte[] returningAnInt(byte[] bytes, String name, String descriptor) {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
		new ClassReader(bytes).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION, writer) {

			@Override
			public MethodVisitor visitMethod(int access, String methodName, String methodDescriptor, String signature,
					String[] exceptions) {
				MethodVisitor method = super.visitMethod(access, methodName, methodDescriptor, signature, exceptions);
				if (!methodName.equals(name) || !methodDescriptor.equals(descriptor)) {
					return method;
				}
				method.visitCode();
				method.visitInsn(Opcodes.ICONST_0);
				method.visitInsn(Opcodes.ARETURN);
				method.visitMaxs(0, 0);
				method.visitEnd();
				return null;
			}

		}, 0);
		return writer.toByteArray();
	}

	@SuppressWarnings("unchecked")
	static Supplier<String> instantiate(ClassLoader loader, String simpleName) {
		try {
			return (Supplier<String>) loader.loadClass("demo." + simpleName).getConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.ClassDirectories;
import dev.hotrestart.reload.SourceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ChangedSourceCompiler}: a real Maven-layout project built with the
 * JDK's compiler, sources saved as an editor saves them, and compiled in-process.
 *
 * @author hot-restart authors
 */
class ChangedSourceCompilerTests {

	private static final String SERVICE = "demo.PriceService";

	private static final String HELPER = "demo.Helper";

	@TempDir
	Path root;

	private SourceProject project;

	private ChangedSourceCompiler compiler;

	@BeforeEach
	void buildTheProject() {
		this.project = new SourceProject(this.root);
		this.project.build(SERVICE, service("return \"v1\";"), "--release", "17", "-parameters", "-g");
		this.project.build(HELPER, "package demo;\n\npublic class Helper {\n}\n", "--release", "17", "-parameters",
				"-g");
		this.compiler = this.project.newCompiler();
	}

	@AfterEach
	void closeCompiler() throws Exception {
		this.compiler.destroy();
	}

	@Test
	void compilesNothingWhileNoSourceChanged() throws Exception {
		byte[] before = Files.readAllBytes(this.project.classFile(SERVICE));

		assertThat(this.compiler.compileChanged().hasCompiled()).isFalse();
		assertThat(Files.readAllBytes(this.project.classFile(SERVICE))).isEqualTo(before);
	}

	@Test
	void aSavedSourceIsCompiledIntoItsClassDirectoryWithTheOptionsOfTheBuild() throws Exception {
		byte[] helperBefore = Files.readAllBytes(this.project.classFile(HELPER));
		Path saved = this.project.save(SERVICE, service("return \"v2\";"));

		CompiledSources compiled = this.compiler.compileChanged();

		assertThat(compiled.sources()).containsExactly(saved);
		assertThat(compiled.classFiles()).containsExactly(this.project.classFile(SERVICE));
		byte[] classFile = Files.readAllBytes(this.project.classFile(SERVICE));
		assertThat(new String(classFile, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("v2");
		assertThat(BuildOptions.of(classFile)).isEqualTo(new BuildOptions(17, true, "-g", false));
		assertThat(Files.readAllBytes(this.project.classFile(HELPER))).as("only the changed source is compiled")
			.isEqualTo(helperBefore);
		assertThat(this.compiler.compileChanged().hasCompiled()).as("compiled once").isFalse();
	}

	@Test
	void aSourceSavedWithTheSameContentIsNotCompiled() throws Exception {
		Path source = this.project.sourceFile(SERVICE);
		Files.writeString(source, Files.readString(source));

		assertThat(this.compiler.compileChanged().hasCompiled()).isFalse();
	}

	@Test
	void aSourceWhoseClassFileABuildWroteSinceItWasSavedIsLeftAlone() throws Exception {
		Path saved = this.project.save(SERVICE, service("return \"v2\";"));
		Path classFile = this.project.classFile(SERVICE);
		byte[] byTheIde = Files.readAllBytes(classFile);
		Files.setLastModifiedTime(classFile, FileTime.fromMillis(Files.getLastModifiedTime(saved).toMillis() + 1_000));

		assertThat(this.compiler.compileChanged().hasCompiled()).isFalse();
		assertThat(Files.readAllBytes(classFile)).isEqualTo(byTheIde);
	}

	@Test
	void aSourceSavedAgainWhileItsClassFileWasBeingWrittenIsCompiledAgain() throws Exception {
		this.project.save(SERVICE, service("return \"v2\";"));
		this.compiler.compileChanged();
		// Saved before the class file hot restart wrote, so older than it
		Path saved = this.project.save(SERVICE, service("return \"v3\";"));
		Files.setLastModifiedTime(saved,
				FileTime.fromMillis(Files.getLastModifiedTime(this.project.classFile(SERVICE)).toMillis() - 500));

		assertThat(this.compiler.compileChanged().sources()).containsExactly(saved);
		assertThat(new String(Files.readAllBytes(this.project.classFile(SERVICE)),
				java.nio.charset.StandardCharsets.ISO_8859_1))
			.contains("v3");
	}

	@Test
	void aNewSourceIsCompiledIntoTheClassDirectoryOfItsSourceDirectory() {
		this.project.save("demo.sub.Discounts", "package demo.sub;\n\npublic class Discounts {\n}\n");

		CompiledSources compiled = this.compiler.compileChanged();

		assertThat(compiled.classFiles()).containsExactly(this.project.classFile("demo.sub.Discounts"));
		assertThat(this.project.classFile("demo.sub.Discounts")).isRegularFile();
	}

	@Test
	void afterTheWarmUpASavedSourceIsCompiledAsBefore() throws Exception {
		this.compiler.prepare(SERVICE);
		this.project.save(SERVICE, service("return \"v2\";"));

		assertThat(this.compiler.compileChanged().classFiles()).containsExactly(this.project.classFile(SERVICE));
		assertThat(new String(Files.readAllBytes(this.project.classFile(SERVICE)),
				java.nio.charset.StandardCharsets.ISO_8859_1))
			.contains("v2");
	}

	@Test
	void aSourceWithASyntaxErrorIsReportedWithFileLineColumnAndTheLineAndNothingIsWritten() throws Exception {
		byte[] before = Files.readAllBytes(this.project.classFile(SERVICE));
		Path saved = this.project.save(SERVICE, service("\treturn \"v2\""));

		assertThatExceptionOfType(CompileFailedException.class).isThrownBy(this.compiler::compileChanged)
			.satisfies((ex) -> {
				assertThat(ex.getErrors()).singleElement().satisfies((error) -> {
					assertThat(error.file()).isEqualTo(saved.toString());
					assertThat(error.line()).isEqualTo(6);
					assertThat(error.sourceLine()).isEqualTo("\tpublic String get() { \treturn \"v2\" }");
					assertThat(error.column()).as("counted in characters, a tab as one")
						.isEqualTo(error.sourceLine().indexOf("\"v2\"") + 5);
					assertThat(error.message()).isEqualTo("';' expected");
				});
				assertThat(ex.getMessage()).startsWith("The saved source does not compile: PriceService.java:6: "
						+ "';' expected. Nothing was reloaded and the call stays parked");
				assertThat(ex.getClassNames()).containsExactly(SERVICE);
				assertThat(ex.describeErrors()).isEqualTo(saved + ":6:" + ex.getErrors().get(0).column()
						+ ": error: ';' expected\n\tpublic String get() { \treturn \"v2\" }\n\t" + " ".repeat(22) + "\t"
						+ " ".repeat(11) + "^");
			});
		assertThat(Files.readAllBytes(this.project.classFile(SERVICE))).isEqualTo(before);
	}

	@Test
	void whenOneOfTwoChangedSourcesDoesNotCompileNeitherIsWrittenAndBothCompileOnceFixed() throws Exception {
		byte[] helperBefore = Files.readAllBytes(this.project.classFile(HELPER));
		this.project.save(HELPER, "package demo;\n\npublic class Helper {\n\tint size() { return 1; }\n}\n");
		this.project.save(SERVICE, service("return missing();"));

		assertThatExceptionOfType(CompileFailedException.class).isThrownBy(this.compiler::compileChanged)
			.satisfies((ex) -> assertThat(ex.getErrors()).singleElement()
				.satisfies((error) -> assertThat(error.message()).startsWith("cannot find symbol")));
		assertThat(Files.readAllBytes(this.project.classFile(HELPER))).isEqualTo(helperBefore);

		this.project.save(SERVICE, service("return \"v2\";"));
		assertThat(this.compiler.compileChanged().sources()).hasSize(2);
	}

	@Test
	void aChangedKotlinSourceIsToldToBeCompiledByTheBuildUnlessItWas() throws Exception {
		Path kotlin = this.project.save("demo.Rates", "package demo\n\nfun rate() = 1\n");
		Files.move(kotlin, kotlin.resolveSibling("Rates.kt"));

		assertThatExceptionOfType(CompileUnavailableException.class).isThrownBy(this.compiler::compileChanged)
			.withMessageStartingWith("Hot restart compiles only Java sources, and Rates.kt (Kotlin) changed since it "
					+ "was compiled: compile it with your build")
			.withMessageEndingWith("Nothing was reloaded and the call stays parked; you can still abort it.");

		// The build compiles it: a class file newer than the source
		Path compiledByBuild = this.project.classFile("demo.RatesKt");
		Files.write(compiledByBuild, Files.readAllBytes(this.project.classFile(HELPER)));
		Files.setLastModifiedTime(compiledByBuild, FileTime.fromMillis(System.currentTimeMillis() + 1_000));
		assertThat(this.compiler.compileChanged().hasCompiled()).isFalse();
	}

	@Test
	void withoutACompilerTheChangedSourcesAreNamedAndWhatToDoIsSaid() throws Exception {
		this.compiler.destroy();
		SourceBaseline baseline = new SourceBaseline(() -> new SourceFiles(List.of(this.project.classes())).getRoots(),
				() -> Long.MAX_VALUE);
		this.compiler = new ChangedSourceCompiler(baseline, new ApplicationCode(List.of(this.project.classes())),
				(classPath) -> null, ClassDirectories::entriesOfClassPath, getClass().getClassLoader());
		this.compiler.recordBaseline();
		this.project.save(SERVICE, service("return \"v2\";"));

		assertThatExceptionOfType(CompileUnavailableException.class).isThrownBy(this.compiler::compileChanged)
			.withMessageStartingWith(
					"PriceService.java changed since it was compiled, but this JVM has no Java " + "compiler")
			.withMessageContaining("Run the application on a JDK, or compile with your build");
	}

	@Test
	void aSourceThatNeedsAnAnnotationProcessorMissingFromTheClassPathIsToldSo() {
		this.project.save(SERVICE, "package demo;\n\n@org.mapstruct.Mapper\npublic interface PriceService {\n}\n");

		assertThatExceptionOfType(CompileUnavailableException.class).isThrownBy(this.compiler::compileChanged)
			.withMessageStartingWith("PriceService.java uses MapStruct, whose annotation processor "
					+ "(org.mapstruct:mapstruct-processor) is not on the application's class path");
	}

	@Test
	void aCompilerThatFailsInsideAnAnnotationProcessorIsToldAsSuchAndNothingIsWritten() throws Exception {
		SourceProject processor = new SourceProject(this.root.resolve("processor"));
		processor.build("boom.BoomProcessor", """
				package boom;

				import java.util.Set;

				import javax.annotation.processing.AbstractProcessor;
				import javax.annotation.processing.RoundEnvironment;
				import javax.annotation.processing.SupportedAnnotationTypes;
				import javax.lang.model.SourceVersion;
				import javax.lang.model.element.TypeElement;

				@SupportedAnnotationTypes("*")
				public class BoomProcessor extends AbstractProcessor {

					@Override
					public SourceVersion getSupportedSourceVersion() {
						return SourceVersion.latestSupported();
					}

					@Override
					public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
						throw new IllegalStateException("boom from a processor");
					}

				}
				""");
		Path services = processor.classes().resolve("META-INF/services/javax.annotation.processing.Processor");
		Files.createDirectories(services.getParent());
		Files.writeString(services, "boom.BoomProcessor\n");
		this.compiler.destroy();
		SourceBaseline baseline = new SourceBaseline(() -> new SourceFiles(List.of(this.project.classes())).getRoots(),
				() -> Long.MAX_VALUE);
		List<Path> classPath = new java.util.ArrayList<>(ClassDirectories.entriesOfClassPath());
		classPath.add(processor.classes());
		this.compiler = new ChangedSourceCompiler(baseline, new ApplicationCode(List.of(this.project.classes())),
				JavaSourceCompiler::ofSystemCompiler, () -> classPath, getClass().getClassLoader());
		this.compiler.recordBaseline();
		byte[] before = Files.readAllBytes(this.project.classFile(SERVICE));
		this.project.save(SERVICE, service("return \"v2\";"));

		assertThatExceptionOfType(CompileUnavailableException.class).isThrownBy(this.compiler::compileChanged)
			.withMessageStartingWith("Compiling PriceService.java failed inside the compiler: "
					+ "java.lang.IllegalStateException: boom from a processor. An annotation processor");
		assertThat(Files.readAllBytes(this.project.classFile(SERVICE))).isEqualTo(before);
	}

	private static String service(String body) {
		return "package demo;\n\nimport java.util.function.Supplier;\n\npublic class PriceService implements "
				+ "Supplier<String> {\n\tpublic String get() { " + body + " }\n\n"
				+ "\tpublic String price(int quantity) { return \"p\" + quantity; }\n}\n";
	}

}

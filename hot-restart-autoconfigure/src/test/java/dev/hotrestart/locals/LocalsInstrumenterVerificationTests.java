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

package dev.hotrestart.locals;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instrumented class files of real libraries pass the JVM's verifier: thousands of
 * methods written by others (lambdas, switches, try-with-resources, synchronized blocks,
 * constructors with work before {@code super}, long and double locals, class files from
 * Java 8 to 17 and beyond), each one instrumented, defined and verified without being
 * initialised.
 *
 * @author hot-restart authors
 */
class LocalsInstrumenterVerificationTests {

	/**
	 * Libraries whose dependencies are on this list too (or are optional), so that no
	 * class of the test's class loader refers to a type defined here as well.
	 */
	private static final List<String> LIBRARIES = List.of("spring-core-", "spring-beans-", "spring-aop-",
			"spring-expression-", "spring-context-", "spring-web-", "spring-webmvc-", "tomcat-embed-core-",
			"jackson-core-", "jackson-databind-", "h2-");

	@Test
	void instrumentedLibraryClassesPassTheVerifier() throws Exception {
		List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> entry.endsWith(".jar"))
			.filter((entry) -> LIBRARIES.stream().anyMatch((library) -> new File(entry).getName().startsWith(library)))
			.toList();
		assertThat(jars).as("libraries on the test class path").hasSize(LIBRARIES.size());
		Map<String, byte[]> classFiles = new HashMap<>();
		for (String jar : jars) {
			readClassFiles(jar, classFiles);
		}
		InstrumentingLoader loader = new InstrumentingLoader(classFiles);
		List<String> rejected = new ArrayList<>();
		int verified = 0;
		for (String className : classFiles.keySet()) {
			try {
				Class.forName(className, false, loader).getDeclaredFields();
				verified++;
			}
			catch (VerifyError | ClassFormatError ex) {
				rejected.add(className + ": " + ex);
			}
			catch (LinkageError ex) {
				// A dependency that is not on the test class path: nothing to verify
			}
		}
		assertThat(rejected).isEmpty();
		assertThat(loader.instrumented).as("instrumented classes").isGreaterThan(5_000);
		assertThat(verified).isGreaterThan(5_000);
	}

	private static void readClassFiles(String jar, Map<String, byte[]> classFiles) throws IOException {
		try (JarFile file = new JarFile(jar)) {
			for (JarEntry entry : Collections.list(file.entries())) {
				String name = entry.getName();
				if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")
						&& !name.endsWith("package-info.class")) {
					try (InputStream stream = file.getInputStream(entry)) {
						classFiles.putIfAbsent(name.substring(0, name.length() - 6).replace('/', '.'),
								stream.readAllBytes());
					}
				}
			}
		}
	}

	/**
	 * Defines the given classes itself, instrumented, and leaves the others to its
	 * parent.
	 */
	private static final class InstrumentingLoader extends ClassLoader {

		private final Map<String, byte[]> classFiles;

		private int instrumented;

		InstrumentingLoader(Map<String, byte[]> classFiles) {
			super(LocalsInstrumenterVerificationTests.class.getClassLoader());
			this.classFiles = classFiles;
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded != null) {
					return loaded;
				}
				byte[] original = this.classFiles.get(name);
				if (original == null || name.startsWith("java.")) {
					return super.loadClass(name, resolve);
				}
				byte[] bytes = instrument(name, original);
				return defineClass(name, bytes, 0, bytes.length);
			}
		}

		private byte[] instrument(String name, byte[] original) {
			try {
				byte[] instrumented = LocalsInstrumenter.instrument(original);
				if (instrumented == null) {
					return original;
				}
				this.instrumented++;
				return instrumented;
			}
			catch (RuntimeException ex) {
				throw new UncheckedIOException(new IOException("Could not instrument " + name, ex));
			}
		}

	}

}

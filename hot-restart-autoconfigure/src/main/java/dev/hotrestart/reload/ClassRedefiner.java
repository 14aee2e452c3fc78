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

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Redefines the loaded classes of changed class files in a single
 * {@link Instrumentation#redefineClasses} call: the cost is per call, not per class, and
 * the JVM applies all of them or none.
 *
 * @author hot-restart authors
 */
final class ClassRedefiner {

	private ClassRedefiner() {
	}

	/**
	 * Redefine every loaded class whose class file changed, in the application's class
	 * loader, its ancestors and its descendants. Classes of unrelated loaders are left
	 * alone: after a Spring Boot DevTools restart, a discarded restart class loader may
	 * still hold an older version of the class whose schema the new file no longer
	 * matches, and redefining it would make the JVM refuse the whole batch.
	 * @param instrumentation the instrumentation
	 * @param changes the changed class files
	 * @param applicationClassLoader the class loader of the running application
	 * @return which classes were redefined and which are not loaded
	 * @throws ReloadRefusedException if the JVM refused; then no class changed
	 */
	static ReloadResult redefine(Instrumentation instrumentation, List<ChangedClassFile> changes,
			ClassLoader applicationClassLoader) {
		Map<String, ChangedClassFile> byName = changes.stream()
			.collect(Collectors.toMap(ChangedClassFile::className, Function.identity(), (first, second) -> first));
		List<ClassDefinition> definitions = new ArrayList<>();
		Set<String> loaded = new LinkedHashSet<>();
		for (Class<?> candidate : instrumentation.getAllLoadedClasses()) {
			ChangedClassFile change = byName.get(candidate.getName());
			if (change != null && isRelated(candidate.getClassLoader(), applicationClassLoader)
					&& instrumentation.isModifiableClass(candidate)) {
				definitions.add(new ClassDefinition(candidate, change.bytes()));
				loaded.add(change.className());
			}
		}
		if (!definitions.isEmpty()) {
			try {
				instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
			}
			catch (ClassNotFoundException | UnmodifiableClassException | UnsupportedOperationException
					| LinkageError ex) {
				throw new ReloadRefusedException(List.copyOf(loaded), ex);
			}
		}
		List<String> notLoaded = byName.keySet().stream().filter((name) -> !loaded.contains(name)).sorted().toList();
		return new ReloadResult(loaded.stream().sorted().toList(), notLoaded);
	}

	private static boolean isRelated(@Nullable ClassLoader loader, ClassLoader applicationClassLoader) {
		for (ClassLoader ancestor = applicationClassLoader; ancestor != null; ancestor = ancestor.getParent()) {
			if (ancestor == loader) {
				return true;
			}
		}
		for (ClassLoader descendant = loader; descendant != null; descendant = descendant.getParent()) {
			if (descendant == applicationClassLoader) {
				return true;
			}
		}
		return loader == null;
	}

}

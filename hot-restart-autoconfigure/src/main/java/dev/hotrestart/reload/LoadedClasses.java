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

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Finds the loaded classes to redefine for changed class files, and decides what to do
 * when a class is loaded by more than one class loader (as after a DevTools restart,
 * whose old {@code RestartClassLoader} lingers until collected).
 * <p>
 * The rule: redefine the copy the application uses now, that is the one the application
 * class loader would resolve: the copy defined by that loader, else by its nearest
 * parent. If no copy is in that chain, redefine them all. Either way a warning says so.
 *
 * @author hot-restart authors
 */
final class LoadedClasses {

	private final Instrumentation instrumentation;

	private final @Nullable ClassLoader applicationClassLoader;

	LoadedClasses(Instrumentation instrumentation, @Nullable ClassLoader applicationClassLoader) {
		this.instrumentation = instrumentation;
		this.applicationClassLoader = applicationClassLoader;
	}

	/**
	 * Find the classes to redefine.
	 * @param classNames the binary names of the changed classes
	 * @return the classes to redefine by name (absent when not loaded), and warnings
	 */
	Selection select(Collection<String> classNames) {
		Set<String> wanted = new HashSet<>(classNames);
		Map<String, List<Class<?>>> copies = new LinkedHashMap<>();
		for (Class<?> candidate : this.instrumentation.getAllLoadedClasses()) {
			if (wanted.contains(candidate.getName()) && this.instrumentation.isModifiableClass(candidate)) {
				copies.computeIfAbsent(candidate.getName(), (name) -> new ArrayList<>()).add(candidate);
			}
		}
		Map<String, List<Class<?>>> selected = new LinkedHashMap<>();
		List<ReloadNote> warnings = new ArrayList<>();
		copies.forEach((name, classes) -> {
			List<Class<?>> related = classes.stream()
				.filter((copy) -> isRelatedToApplication(copy.getClassLoader()))
				.toList();
			if (related.isEmpty()) {
				// Held only by loaders the application no longer uses: not loaded for it
				return;
			}
			if (classes.size() == 1) {
				selected.put(name, classes);
				return;
			}
			Class<?> used = usedByApplication(related);
			selected.put(name, (used != null) ? List.of(used) : related);
			warnings.add(new ReloadNote(name, MemberNames.simpleName(name), warning(classes, used)));
		});
		return new Selection(selected, warnings);
	}

	/**
	 * Return whether a class loader is the application's, one of its ancestors or one of
	 * its descendants. Other loaders are left alone: after a DevTools restart, a
	 * discarded restart class loader may still hold an older version of a class whose
	 * schema the new file no longer matches, and redefining it would make the JVM refuse
	 * the batch.
	 */
	private boolean isRelatedToApplication(@Nullable ClassLoader loader) {
		if (this.applicationClassLoader == null || loader == null) {
			return true;
		}
		for (ClassLoader ancestor = this.applicationClassLoader; ancestor != null; ancestor = ancestor.getParent()) {
			if (ancestor == loader) {
				return true;
			}
		}
		for (ClassLoader descendant = loader; descendant != null; descendant = descendant.getParent()) {
			if (descendant == this.applicationClassLoader) {
				return true;
			}
		}
		return false;
	}

	private @Nullable Class<?> usedByApplication(List<Class<?>> copies) {
		for (ClassLoader loader = this.applicationClassLoader; loader != null; loader = loader.getParent()) {
			for (Class<?> copy : copies) {
				if (copy.getClassLoader() == loader) {
					return copy;
				}
			}
		}
		return null;
	}

	private static String warning(List<Class<?>> copies, @Nullable Class<?> used) {
		List<String> loaders = copies.stream().map((copy) -> describe(copy.getClassLoader())).toList();
		String loaded = "loaded by " + copies.size() + " class loaders (" + String.join(", ", loaders) + "); ";
		if (used == null) {
			return loaded + "none of them is the application's class loader, so all copies were reloaded";
		}
		return loaded + "reloaded the copy of " + describe(used.getClassLoader())
				+ ", which the application uses now; the other copies keep the old code";
	}

	private static String describe(@Nullable ClassLoader loader) {
		if (loader == null) {
			return "the bootstrap class loader";
		}
		String name = loader.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(loader));
		return (loader.getName() != null) ? loader.getName() + " " + name : name;
	}

	/**
	 * The classes to redefine.
	 *
	 * @param classes the loaded classes to redefine, by binary name
	 * @param warnings one for each class loaded by more than one class loader
	 */
	record Selection(Map<String, List<Class<?>>> classes, List<ReloadNote> warnings) {

		boolean isLoaded(String className) {
			return this.classes.containsKey(className);
		}

	}

}

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

package dev.hotrestart.aop;

import java.lang.reflect.Method;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.ClassFilter;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.util.ReflectionUtils;

import dev.hotrestart.HotRestart;

/**
 * Matches classes that can carry {@link HotRestart @HotRestart}: the class, one of its
 * superclasses or one of its interfaces declares it on the type or on a method (directly
 * or as a meta-annotation), and a class-based proxy can be made for it (see
 * {@link ProxyLimits}).
 * <p>
 * Auto-proxying asks a pointcut about every method of every bean at start-up; deciding
 * once per class, and remembering it, spares the per-method search through the type
 * hierarchy for the many classes that have no {@code @HotRestart} at all. Thread-safe;
 * classes are held softly, so that a DevTools restart can unload them.
 *
 * @author hot-restart authors
 */
final class HotRestartClassFilter implements ClassFilter {

	private final Map<Class<?>, Boolean> candidates = new ConcurrentReferenceHashMap<>();

	@Override
	public boolean matches(Class<?> type) {
		return canCarry(type) && ProxyLimits.whyNoProxy(type) == null;
	}

	/**
	 * Return whether a class can carry the annotation, whether or not a proxy can be made
	 * for it.
	 * @param type the class
	 * @return {@code true} if it or a supertype declares the annotation
	 */
	boolean canCarry(@Nullable Class<?> type) {
		if (type == null || type == Object.class) {
			return false;
		}
		Boolean known = this.candidates.get(type);
		if (known != null) {
			return known;
		}
		boolean result = declares(type) || canCarry(type.getSuperclass());
		for (Class<?> implemented : type.getInterfaces()) {
			result = result || canCarry(implemented);
		}
		this.candidates.put(type, result);
		return result;
	}

	/**
	 * Return whether a class itself declares the annotation, on the type or on a method.
	 * @param type the class
	 * @return {@code true} if it does
	 */
	static boolean declares(Class<?> type) {
		if (!AnnotationUtils.isCandidateClass(type, HotRestart.class)) {
			return false;
		}
		if (MergedAnnotations.from(type, SearchStrategy.DIRECT).isPresent(HotRestart.class)) {
			return true;
		}
		for (Method method : ReflectionUtils.getDeclaredMethods(type)) {
			if (MergedAnnotations.from(method, SearchStrategy.DIRECT).isPresent(HotRestart.class)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof HotRestartClassFilter;
	}

	@Override
	public int hashCode() {
		return HotRestartClassFilter.class.hashCode();
	}

}

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;

import dev.hotrestart.HotRestart;
import dev.hotrestart.park.CallSite;

/**
 * What the interceptor needs to know about an advised method when it fails: its signature
 * for log lines and the exception types its {@link HotRestart @HotRestart} (on the method
 * and on the bean type) keeps out of parking. Read once per method and target class, on
 * the first failure, then cached: the happy path of the advice never looks at
 * annotations. Thread-safe.
 *
 * @author hot-restart authors
 */
final class AdvisedMethods {

	private final Map<MethodClassKey, AdvisedMethod> cache = new ConcurrentHashMap<>();

	AdvisedMethod get(Method method, Class<?> targetClass) {
		return this.cache.computeIfAbsent(new MethodClassKey(method, targetClass), (key) -> read(method, targetClass));
	}

	private static AdvisedMethod read(Method method, Class<?> targetClass) {
		Method specificMethod = AopUtils.getMostSpecificMethod(method, targetClass);
		Set<Class<? extends Throwable>> neverPark = new LinkedHashSet<>();
		addNeverPark(neverPark, AnnotatedElementUtils.findMergedAnnotation(specificMethod, HotRestart.class));
		addNeverPark(neverPark, AnnotatedElementUtils.findMergedAnnotation(targetClass, HotRestart.class));
		return new AdvisedMethod(CallSite.signature(method, targetClass), List.copyOf(neverPark));
	}

	private static void addNeverPark(Set<Class<? extends Throwable>> neverPark, @Nullable HotRestart annotation) {
		if (annotation != null) {
			neverPark.addAll(List.of(annotation.neverPark()));
		}
	}

	/**
	 * An advised method.
	 *
	 * @param signature the method as {@code SimpleClassName.name(ParamType, ...)}
	 * @param neverPark the exception types that propagate at once
	 */
	record AdvisedMethod(String signature, List<Class<? extends Throwable>> neverPark) {

	}

}

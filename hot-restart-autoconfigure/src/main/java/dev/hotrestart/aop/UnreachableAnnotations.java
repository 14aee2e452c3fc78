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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.hotrestart.HotRestart;

/**
 * Finds the {@link HotRestart @HotRestart} annotations that have no effect, and says for
 * each, in one line, why and what to do: on a method a proxy cannot intercept (private,
 * static, final), on a class no class-based proxy can be made for (final, a record), or
 * on a type no bean has. Stateless.
 *
 * @author hot-restart authors
 */
final class UnreachableAnnotations {

	private static final String NOT_A_BEAN_ADVICE = "Declare it as a bean (@Component, or a @Bean method) and have it "
			+ "injected where it is used: an object made with new is never proxied.";

	private static final String NO_PROXY_ADVICE = "A class-based proxy is a subclass: make the class non-final "
			+ "(move the method out of a record).";

	private static final String NOT_INTERCEPTED_ADVICE = "A proxy only intercepts methods it can override: make it "
			+ "public, protected or package-private, neither static nor final, and call it from another bean.";

	private UnreachableAnnotations() {
	}

	/**
	 * Return one line for each annotated method (or type) where the annotation has no
	 * effect.
	 * @param beanClasses the classes of the beans (proxy classes of beans that are JDK
	 * proxies)
	 * @param otherClasses further classes that declare the annotation, bean classes or
	 * not
	 * @return the lines, ordered by class and method
	 */
	static List<String> find(Collection<Class<?>> beanClasses, Collection<Class<?>> otherClasses) {
		List<String> lines = new ArrayList<>();
		for (Class<?> declaring : declaringClasses(beanClasses, otherClasses)) {
			Finding typeFinding = typeFinding(declaring, beanClasses);
			if (typeFinding != null
					&& MergedAnnotations.from(declaring, SearchStrategy.DIRECT).isPresent(HotRestart.class)) {
				lines.add(line("class " + declaring.getName(), List.of(typeFinding)));
			}
			for (Method method : annotatedMethods(declaring)) {
				List<Finding> findings = new ArrayList<>();
				if (typeFinding != null) {
					findings.add(typeFinding);
				}
				String notIntercepted = ProxyLimits.whyNotIntercepted(method);
				if (notIntercepted != null) {
					findings.add(new Finding(notIntercepted, NOT_INTERCEPTED_ADVICE));
				}
				if (!findings.isEmpty()) {
					lines.add(line(describe(method), findings));
				}
			}
		}
		return lines;
	}

	private static Collection<Class<?>> declaringClasses(Collection<Class<?>> beanClasses,
			Collection<Class<?>> otherClasses) {
		HotRestartClassFilter classFilter = new HotRestartClassFilter();
		TreeMap<String, Class<?>> declaring = new TreeMap<>();
		for (Class<?> beanClass : beanClasses) {
			if (classFilter.canCarry(beanClass)) {
				for (Class<?> type : hierarchy(beanClass)) {
					if (HotRestartClassFilter.declares(type)) {
						declaring.putIfAbsent(type.getName(), type);
					}
				}
			}
		}
		for (Class<?> type : otherClasses) {
			if (!type.isAnnotation() && HotRestartClassFilter.declares(type)) {
				declaring.putIfAbsent(type.getName(), type);
			}
		}
		return declaring.values();
	}

	private static Set<Class<?>> hierarchy(Class<?> type) {
		Set<Class<?>> hierarchy = new LinkedHashSet<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			hierarchy.add(current);
		}
		hierarchy.addAll(ClassUtils.getAllInterfacesForClassAsSet(type));
		return hierarchy;
	}

	private static @Nullable Finding typeFinding(Class<?> declaring, Collection<Class<?>> beanClasses) {
		List<Class<?>> beansOfType = beanClasses.stream().filter(declaring::isAssignableFrom).toList();
		if (beansOfType.isEmpty()) {
			return new Finding("no bean is a " + declaring.getSimpleName(), NOT_A_BEAN_ADVICE);
		}
		List<String> noProxy = new ArrayList<>();
		for (Class<?> beanClass : beansOfType) {
			String reason = ProxyLimits.whyNoProxy(beanClass);
			if (reason == null) {
				return null;
			}
			noProxy.add(reason);
		}
		return new Finding(String.join(", ", noProxy) + ", so no class-based proxy can be made", NO_PROXY_ADVICE);
	}

	private static List<Method> annotatedMethods(Class<?> type) {
		return Arrays.stream(ReflectionUtils.getDeclaredMethods(type))
			.filter((method) -> !method.isSynthetic())
			.filter((method) -> MergedAnnotations.from(method, SearchStrategy.DIRECT).isPresent(HotRestart.class))
			.sorted(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString))
			.toList();
	}

	private static String describe(Method method) {
		return method.getDeclaringClass().getName() + "." + method.getName()
				+ Arrays.stream(method.getParameterTypes())
					.map(Class::getSimpleName)
					.collect(Collectors.joining(", ", "(", ")"));
	}

	private static String line(String element, List<Finding> findings) {
		return "@HotRestart on " + element + " has no effect: "
				+ findings.stream().map(Finding::reason).collect(Collectors.joining("; ")) + ". "
				+ findings.stream().map(Finding::advice).distinct().collect(Collectors.joining(" "));
	}

	/**
	 * Why an annotation has no effect, and what to do.
	 *
	 * @param reason why, as in "the method is private"
	 * @param advice what to do, in sentences
	 */
	private record Finding(String reason, String advice) {

	}

}

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
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What a class-based (CGLIB) proxy, the kind Spring Boot makes by default, cannot reach:
 * it is a subclass of the bean's class, so it cannot be made for a class that cannot be
 * subclassed, and it intercepts only the methods it can override. (Beans that are JDK
 * proxies or lambdas already, such as Spring Data repositories, are proxied through their
 * interfaces instead.) Stateless.
 *
 * @author hot-restart authors
 */
final class ProxyLimits {

	private ProxyLimits() {
	}

	/**
	 * Return why no class-based proxy can be made for a type.
	 * @param type the bean's class
	 * @return the reason, as in "X is final", or {@code null} if a proxy can be made
	 */
	static @Nullable String whyNoProxy(Class<?> type) {
		if (Proxy.isProxyClass(type) || ClassUtils.isLambdaClass(type)) {
			// Spring proxies these through their interfaces
			return null;
		}
		String name = type.getSimpleName();
		if (type.isRecord()) {
			return name + " is a record, and records are final";
		}
		if (type.isSealed()) {
			return name + " is sealed";
		}
		if (Modifier.isFinal(type.getModifiers())) {
			return name + " is final";
		}
		return null;
	}

	/**
	 * Return why a proxy cannot intercept calls to a method.
	 * @param method the method
	 * @return the reason, as in "the method is private", or {@code null} if a proxy can
	 * intercept it
	 */
	static @Nullable String whyNotIntercepted(Method method) {
		int modifiers = method.getModifiers();
		if (Modifier.isPrivate(modifiers)) {
			return "the method is private";
		}
		if (Modifier.isStatic(modifiers)) {
			return "the method is static";
		}
		if (Modifier.isFinal(modifiers)) {
			return "the method is final";
		}
		return null;
	}

	/**
	 * Return a final instance method of a type or its superclasses (other than
	 * {@link Object}) that a proxy would inherit: called on the proxy, it runs on the
	 * proxy's own, empty fields rather than on the bean.
	 * @param type the bean's class
	 * @return such a method, or {@code null} if there is none
	 */
	static @Nullable Method finalMethodOnProxy(Class<?> type) {
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Method method : ReflectionUtils.getDeclaredMethods(current)) {
				int modifiers = method.getModifiers();
				if (Modifier.isFinal(modifiers) && !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers)
						&& !method.isSynthetic()) {
					return method;
				}
			}
		}
		return null;
	}

}

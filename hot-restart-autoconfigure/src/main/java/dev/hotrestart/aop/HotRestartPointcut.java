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

import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

import dev.hotrestart.HotRestart;

/**
 * Matches methods annotated with {@link HotRestart @HotRestart}, and the public methods
 * (other than {@code equals}, {@code hashCode}, {@code toString} and the rest of
 * {@link Object}'s) of classes annotated with it.
 * <p>
 * Only where a class-based proxy can reach: classes that cannot be subclassed (final,
 * records) and methods that cannot be overridden (private, static, final) never match, so
 * that the annotation there makes no proxy at all (for a final class, a proxy would fail
 * the application's start-up). {@link HotRestartUsageCheck} says so in the log.
 *
 * @author hot-restart authors
 */
public class HotRestartPointcut extends StaticMethodMatcherPointcut {

	/**
	 * Create the pointcut.
	 */
	public HotRestartPointcut() {
		setClassFilter(new HotRestartClassFilter());
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		Method specificMethod = AopUtils.getMostSpecificMethod(method, targetClass);
		if (ProxyLimits.whyNotIntercepted(specificMethod) != null) {
			return false;
		}
		if (AnnotatedElementUtils.hasAnnotation(specificMethod, HotRestart.class)) {
			return true;
		}
		return Modifier.isPublic(specificMethod.getModifiers()) && !ReflectionUtils.isObjectMethod(specificMethod)
				&& AnnotatedElementUtils.hasAnnotation(targetClass, HotRestart.class);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof HotRestartPointcut;
	}

	@Override
	public int hashCode() {
		return HotRestartPointcut.class.hashCode();
	}

}

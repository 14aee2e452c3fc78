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
import java.net.URL;
import java.security.CodeSource;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ClassFilter;
import org.springframework.aop.MethodMatcher;
import org.springframework.aop.Pointcut;
import org.springframework.aop.aspectj.AspectJExpressionPointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.util.ReflectionUtils;

/**
 * The methods an AspectJ pointcut expression opts in, matched by Spring's
 * {@link AspectJExpressionPointcut}, where opting in is useful and safe:
 * <ul>
 * <li>classes loaded from class directories: the application's own code, which hot
 * restart can reload. Classes from jars (libraries, Spring itself) are never put to
 * AspectJ, which also keeps a broad expression cheap on a large application;</li>
 * <li>classes a class-based proxy can be made for and would not change: not final, with
 * no final methods (a proxy would run them on its own empty fields), and not
 * {@link Configuration @Configuration} classes, whose methods the container calls while
 * it starts;</li>
 * <li>methods a proxy can intercept, other than {@code equals}, {@code hashCode},
 * {@code toString} and the rest of {@link Object}'s.</li>
 * </ul>
 * Only touched when AspectJ is on the class path (see {@link OptInExpression}).
 * Thread-safe; the decision for each class is remembered (so Spring's {@code bean(name)}
 * designator decides once for all beans of a class), and classes are held softly so that
 * a DevTools restart can unload them.
 *
 * @author hot-restart authors
 */
final class OptInPointcut implements Pointcut, ClassFilter, MethodMatcher {

	private static final Log logger = LogFactory.getLog(OptInPointcut.class);

	/**
	 * A lone {@code within(type pattern)}: it matches the execution of a method exactly
	 * when it matches the class that declares the method.
	 */
	private static final Pattern WITHIN_ONLY = Pattern.compile("within\\(\\s*[\\w$.*+]+\\s*\\)");

	private final AspectJExpressionPointcut expression;

	private final boolean withinOnly;

	private final Map<Class<?>, Boolean> candidates = new ConcurrentReferenceHashMap<>();

	private final Map<Class<?>, Boolean> typesMatched = new ConcurrentReferenceHashMap<>();

	private OptInPointcut(AspectJExpressionPointcut expression) {
		this.expression = expression;
		this.withinOnly = WITHIN_ONLY.matcher(expression.getExpression()).matches();
	}

	/**
	 * Parse an expression into a pointcut.
	 * @param expression the AspectJ pointcut expression
	 * @param beanFactory the bean factory, whose class loader resolves the type names in
	 * the expression
	 * @return the pointcut
	 * @throws InvalidPointcutException if AspectJ cannot parse the expression
	 */
	static Pointcut parse(String expression, @Nullable BeanFactory beanFactory) {
		AspectJExpressionPointcut pointcut = new AspectJExpressionPointcut();
		pointcut.setExpression(expression);
		if (beanFactory != null) {
			pointcut.setBeanFactory(beanFactory);
		}
		try {
			// Spring parses lazily and treats a bad expression as matching nothing
			pointcut.getPointcutExpression();
		}
		catch (RuntimeException ex) {
			throw new InvalidPointcutException(expression, ex);
		}
		return new OptInPointcut(pointcut);
	}

	/**
	 * Parse an expression and match it against one class and method, loading the AspectJ
	 * classes both take.
	 * @param expression the AspectJ pointcut expression
	 * @param classLoader the class loader to parse it with
	 * @throws RuntimeException if AspectJ cannot parse the expression
	 */
	static void warmUp(String expression, @Nullable ClassLoader classLoader) {
		AspectJExpressionPointcut pointcut = new AspectJExpressionPointcut();
		pointcut.setExpression(expression);
		if (classLoader != null) {
			DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
			beanFactory.setBeanClassLoader(classLoader);
			pointcut.setBeanFactory(beanFactory);
		}
		pointcut.getPointcutExpression();
		Method method = ReflectionUtils.findMethod(OptInPointcut.class, "warmUp", String.class, ClassLoader.class);
		if (pointcut.matches(OptInPointcut.class) && method != null) {
			pointcut.matches(method, OptInPointcut.class);
		}
	}

	@Override
	public ClassFilter getClassFilter() {
		return this;
	}

	@Override
	public MethodMatcher getMethodMatcher() {
		return this;
	}

	@Override
	public boolean matches(Class<?> type) {
		Boolean known = this.candidates.get(type);
		if (known == null) {
			known = isCandidate(type);
			this.candidates.put(type, known);
		}
		return known;
	}

	private boolean isCandidate(Class<?> type) {
		Class<?> userClass = ClassUtils.getUserClass(type);
		if (!isFromClassDirectory(userClass)) {
			return false;
		}
		String excluded = whyExcluded(type, userClass);
		if (excluded != null) {
			if (logger.isDebugEnabled() && typeMatches(type)) {
				logger.debug(OptInExpression.PROPERTY + " leaves out " + userClass.getName() + ": " + excluded);
			}
			return false;
		}
		return typeMatches(type);
	}

	private boolean typeMatches(Class<?> type) {
		Boolean known = this.typesMatched.get(type);
		if (known == null) {
			known = this.expression.matches(type);
			this.typesMatched.put(type, known);
		}
		return known;
	}

	private static @Nullable String whyExcluded(Class<?> type, Class<?> userClass) {
		String noProxy = ProxyLimits.whyNoProxy(type);
		if (noProxy != null) {
			return noProxy;
		}
		if (MergedAnnotations.from(userClass).isPresent(Configuration.class)) {
			return "it is a @Configuration class";
		}
		Method finalMethod = ProxyLimits.finalMethodOnProxy(type);
		if (finalMethod != null) {
			return "a proxy would run its final method " + finalMethod.getName() + " on the proxy's empty fields";
		}
		return null;
	}

	private static boolean isFromClassDirectory(Class<?> type) {
		if (type.getClassLoader() == null) {
			return false;
		}
		CodeSource codeSource = type.getProtectionDomain().getCodeSource();
		URL location = (codeSource != null) ? codeSource.getLocation() : null;
		if (location == null) {
			// Defined without a code source, as DevTools' restart class loader defines a
			// changed class: count it as the application's
			return true;
		}
		return "file".equals(location.getProtocol()) && location.getPath().endsWith("/");
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		Method specificMethod = AopUtils.getMostSpecificMethod(method, targetClass);
		if (ProxyLimits.whyNotIntercepted(specificMethod) != null || ReflectionUtils.isObjectMethod(specificMethod)) {
			return false;
		}
		if (this.withinOnly) {
			// Spares AspectJ's matching of each method, a cost every proxied method pays
			return typeMatches(specificMethod.getDeclaringClass());
		}
		return this.expression.matches(method, targetClass);
	}

	@Override
	public boolean isRuntime() {
		return this.expression.isRuntime();
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass, @Nullable Object... args) {
		return this.expression.matches(method, targetClass, args);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + ": " + this.expression.getExpression();
	}

}

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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Pointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The AspectJ pointcut expression of {@code hot-restart.pointcut}, such as
 * {@code within(com.acme.billing..*)}: the methods it matches are advised as if they were
 * annotated with {@link dev.hotrestart.HotRestart @HotRestart}, so that a whole package
 * can be opted in without editing it.
 * <p>
 * The expression is parsed at once, so that a bad one fails start-up. Parsing needs
 * AspectJ ({@code org.aspectj:aspectjweaver}, which the starter brings); without it only
 * {@code @HotRestart} methods are advised and the log says why. Which methods of a class
 * are opted in, and which classes are left out, is {@link OptInPointcut}'s to decide.
 * Thread-safe.
 *
 * @author hot-restart authors
 */
public final class OptInExpression {

	/**
	 * The property that holds the expression.
	 */
	public static final String PROPERTY = "hot-restart.pointcut";

	private static final String ASPECTJ_PARSER = "org.aspectj.weaver.tools.PointcutParser";

	private static final Log logger = LogFactory.getLog(OptInExpression.class);

	private final String expression;

	private final Pointcut pointcut;

	private OptInExpression(String expression, Pointcut pointcut) {
		this.expression = expression;
		this.pointcut = pointcut;
	}

	/**
	 * Parse the expression of {@code hot-restart.pointcut}.
	 * @param expression the property's value, or {@code null} when it is not set
	 * @param beanFactory the bean factory, whose class loader resolves the type names in
	 * the expression
	 * @return the parsed expression, or {@code null} if none is set or AspectJ is missing
	 * @throws InvalidPointcutException if AspectJ cannot parse the expression
	 */
	public static @Nullable OptInExpression parse(@Nullable String expression, @Nullable BeanFactory beanFactory) {
		if (!StringUtils.hasText(expression)) {
			return null;
		}
		String trimmed = expression.strip();
		ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : ClassUtils.getDefaultClassLoader();
		if (!ClassUtils.isPresent(ASPECTJ_PARSER, classLoader)) {
			logger.warn(PROPERTY + " is set to '" + trimmed + "', but AspectJ is not on the class path, so only "
					+ "@HotRestart methods are advised. Add org.aspectj:aspectjweaver (hot-restart-spring-boot-starter "
					+ "brings it), or remove " + PROPERTY + ".");
			return null;
		}
		return new OptInExpression(trimmed, OptInPointcut.parse(trimmed, beanFactory));
	}

	/**
	 * Load AspectJ's parser and matcher by parsing and matching an expression whose
	 * result is thrown away, so that the parse at start-up finds them loaded. Meant for a
	 * thread of its own, early in start-up; never throws.
	 * @param expression the expression
	 * @param classLoader the class loader that will parse it
	 */
	public static void warmUp(String expression, @Nullable ClassLoader classLoader) {
		try {
			if (ClassUtils.isPresent(ASPECTJ_PARSER, classLoader)) {
				OptInPointcut.warmUp(expression.strip(), classLoader);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			// The parse at start-up reports what is wrong
		}
	}

	/**
	 * Return the expression.
	 * @return the expression, trimmed
	 */
	public String getExpression() {
		return this.expression;
	}

	/**
	 * Return the pointcut of the methods the expression opts in.
	 * @return the pointcut
	 */
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public String toString() {
		return this.expression;
	}

}

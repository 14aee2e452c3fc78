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

import org.aopalliance.aop.Advice;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.ComposablePointcut;

/**
 * Applies the {@link HotRestartInterceptor} to
 * {@link dev.hotrestart.HotRestart @HotRestart} methods, and to the methods
 * {@code hot-restart.pointcut} opts in, at an explicit order. The default order puts it
 * outside {@code @Transactional} (whose advisor has the lowest precedence), so that a
 * failed attempt is rolled back before it parks and a retry runs in a fresh transaction.
 *
 * @author hot-restart authors
 */
public class HotRestartAdvisor extends AbstractPointcutAdvisor {

	/**
	 * The default order: just ahead of advisors that keep the default lowest precedence,
	 * such as the transaction and caching advisors.
	 */
	public static final int DEFAULT_ORDER = LOWEST_PRECEDENCE - 1000;

	private final Pointcut pointcut;

	private final HotRestartInterceptor interceptor;

	private final @Nullable OptInExpression optIn;

	/**
	 * Create an advisor of {@code @HotRestart} methods for the given interceptor.
	 * @param interceptor the interceptor
	 * @param order the order of the advice among other advice
	 */
	public HotRestartAdvisor(HotRestartInterceptor interceptor, int order) {
		this(interceptor, order, null);
	}

	/**
	 * Create an advisor of {@code @HotRestart} methods and of the methods an expression
	 * opts in, for the given interceptor.
	 * @param interceptor the interceptor
	 * @param order the order of the advice among other advice
	 * @param optIn the expression of {@code hot-restart.pointcut}, or {@code null}
	 */
	public HotRestartAdvisor(HotRestartInterceptor interceptor, int order, @Nullable OptInExpression optIn) {
		this.interceptor = interceptor;
		this.optIn = optIn;
		this.pointcut = (optIn != null)
				? new ComposablePointcut((Pointcut) new HotRestartPointcut()).union(optIn.getPointcut())
				: new HotRestartPointcut();
		setOrder(order);
	}

	/**
	 * Return the expression of {@code hot-restart.pointcut}.
	 * @return the expression, or {@code null} if only {@code @HotRestart} methods are
	 * advised
	 */
	public @Nullable OptInExpression getOptIn() {
		return this.optIn;
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

}

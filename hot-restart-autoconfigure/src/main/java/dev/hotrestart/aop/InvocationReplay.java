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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.ReflectiveMethodInvocation;

/**
 * Runs an intercepted call again from an interceptor's place in the advice chain.
 * <p>
 * Spring's public way to call the rest of a chain more than once is to proceed on a clone
 * taken <em>before</em> the first proceed, which costs allocations on every call, even
 * one that never fails. Instead, after a failure, this class clones the (already
 * proceeded) {@link ReflectiveMethodInvocation} and rewinds the clone to the
 * interceptor's position in the chain. Chain and position live in non-public fields; if a
 * future Spring version changes them, {@link #canRewind} answers {@code false} and the
 * interceptor must proceed on a clone from the start instead. Stateless and thread-safe.
 *
 * @author hot-restart authors
 */
final class InvocationReplay {

	private static final @Nullable VarHandle POSITION = field("currentInterceptorIndex", int.class);

	private static final @Nullable VarHandle CHAIN = field("interceptorsAndDynamicMethodMatchers", List.class);

	private static final boolean REWIND_SUPPORTED = POSITION != null && CHAIN != null;

	private InvocationReplay() {
	}

	private static @Nullable VarHandle field(String name, Class<?> type) {
		try {
			return MethodHandles.privateLookupIn(ReflectiveMethodInvocation.class, MethodHandles.lookup())
				.findVarHandle(ReflectiveMethodInvocation.class, name, type);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Return whether this Spring version lets invocations be rewound.
	 * @return {@code true} on the Spring versions this was built for
	 */
	static boolean isRewindSupported() {
		return REWIND_SUPPORTED;
	}

	/**
	 * Return whether the invocation can be proceeded directly and rewound after a
	 * failure.
	 * @param invocation the invocation the interceptor received
	 * @return {@code true} if {@link #replay} can run it again after it proceeded
	 */
	static boolean canRewind(MethodInvocation invocation) {
		return REWIND_SUPPORTED && invocation instanceof ReflectiveMethodInvocation;
	}

	/**
	 * Return a copy of an invocation that, when it proceeds, runs the chain from just
	 * after {@code interceptor}, with a copy of the current arguments.
	 * @param invocation an invocation that {@link #canRewind can be rewound} (possibly
	 * proceeded already), or one that has not proceeded yet
	 * @param interceptor the interceptor whose place to rewind to
	 * @return an invocation ready to proceed
	 */
	static MethodInvocation replay(ProxyMethodInvocation invocation, MethodInterceptor interceptor) {
		MethodInvocation copy = invocation.invocableClone();
		if (canRewind(invocation)) {
			POSITION.set((ReflectiveMethodInvocation) copy, positionOf(invocation, interceptor));
		}
		return copy;
	}

	private static int positionOf(MethodInvocation invocation, MethodInterceptor interceptor) {
		List<?> chain = (List<?>) CHAIN.get((ReflectiveMethodInvocation) invocation);
		for (int position = 0; position < chain.size(); position++) {
			if (chain.get(position) == interceptor) {
				return position;
			}
		}
		throw new IllegalStateException(interceptor + " is not in the advice chain of " + invocation.getMethod());
	}

}

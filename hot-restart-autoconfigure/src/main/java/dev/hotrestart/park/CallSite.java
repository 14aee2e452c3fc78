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

package dev.hotrestart.park;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Where a parked call came from: the method, its arguments rendered for display, the
 * thread and, when the call serves one, the web request.
 *
 * @param className the fully qualified name of the bean's class
 * @param method the method as {@code SimpleClassName.name(ParamType, ...)}
 * @param arguments the arguments, rendered safely and bounded in length
 * @param thread the name of the parked thread; for a call parked without a thread, the
 * thread its failure surfaced on
 * @param request the web request the call serves, or {@code null}
 * @param callerTransaction whether the call failed inside a transaction its caller
 * started, which is then rollback-only
 * @author hot-restart authors
 */
public record CallSite(String className, String method, List<String> arguments, String thread,
		@Nullable WebRequestLine request, boolean callerTransaction) {

	/**
	 * Create a call site outside any caller's transaction.
	 * @param className the fully qualified name of the bean's class
	 * @param method the method as {@code SimpleClassName.name(ParamType, ...)}
	 * @param arguments the arguments, rendered safely and bounded in length
	 * @param thread the name of the parked thread
	 * @param request the web request the call serves, or {@code null}
	 */
	public CallSite(String className, String method, List<String> arguments, String thread,
			@Nullable WebRequestLine request) {
		this(className, method, arguments, thread, request, false);
	}

	/**
	 * Describe a call of {@code method} on an instance of {@code targetClass} made by the
	 * current thread.
	 * @param method the invoked method
	 * @param targetClass the class of the target bean (not of its proxy)
	 * @param arguments the invocation's arguments
	 * @return the call site
	 */
	public static CallSite ofCurrentThread(Method method, Class<?> targetClass, @Nullable Object[] arguments) {
		String signature = signature(method, targetClass);
		return new CallSite(targetClass.getName(), signature, ArgumentRenderer.render(arguments),
				Thread.currentThread().getName(), WebRequestLine.ofCurrentRequest(), CallerTransaction.isActive());
	}

	/**
	 * Describe a call of {@code method} on an instance of {@code targetClass} that parks
	 * without holding a thread: its caller is a {@code Mono}, a {@code Flux} or a
	 * {@code CompletableFuture}. The thread is the one its failure surfaced on.
	 * @param method the invoked method
	 * @param targetClass the class of the target bean (not of its proxy)
	 * @param arguments the invocation's arguments
	 * @param request the web request the call serves, or {@code null}
	 * @return the call site
	 */
	public static CallSite ofThreadlessCall(Method method, Class<?> targetClass, @Nullable Object[] arguments,
			@Nullable WebRequestLine request) {
		return new CallSite(targetClass.getName(), signature(method, targetClass), ArgumentRenderer.render(arguments),
				Thread.currentThread().getName(), request, false);
	}

	/**
	 * Describe a method as {@code SimpleClassName.name(ParamType, ...)}.
	 * @param method the method
	 * @param targetClass the class of the target bean
	 * @return the description
	 */
	public static String signature(Method method, Class<?> targetClass) {
		return targetClass.getSimpleName() + "." + method.getName()
				+ Arrays.stream(method.getParameterTypes())
					.map(Class::getSimpleName)
					.collect(Collectors.joining(", ", "(", ")"));
	}

}

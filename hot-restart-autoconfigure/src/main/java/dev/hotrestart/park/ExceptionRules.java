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

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Which exceptions are failures worth parking, by type: never the types configured in
 * {@code hot-restart.never-park} or listed on the method's
 * {@link dev.hotrestart.HotRestart#neverPark() @HotRestart(neverPark = ...)}, and not
 * Spring's intentional HTTP errors (an {@code org.springframework.web.ErrorResponse} such
 * as {@code ResponseStatusException}, or an exception annotated with
 * {@code @ResponseStatus}) unless asked to. Immutable and thread-safe.
 *
 * @author hot-restart authors
 */
public final class ExceptionRules {

	private static final boolean SPRING_WEB_PRESENT = ClassUtils.isPresent("org.springframework.web.ErrorResponse",
			ExceptionRules.class.getClassLoader());

	private final List<Class<? extends Throwable>> neverPark;

	private final boolean parkHttpErrors;

	/**
	 * Create the rules.
	 * @param neverPark exception types that never park, matched with
	 * {@link Class#isInstance}
	 * @param parkHttpErrors whether Spring's intentional HTTP errors park
	 */
	public ExceptionRules(Collection<Class<? extends Throwable>> neverPark, boolean parkHttpErrors) {
		this.neverPark = List.copyOf(neverPark);
		this.parkHttpErrors = parkHttpErrors;
	}

	/**
	 * Return the default rules: every exception parks but Spring's intentional HTTP
	 * errors.
	 * @return the default rules
	 */
	public static ExceptionRules defaults() {
		return new ExceptionRules(List.of(), false);
	}

	/**
	 * Say why an exception must not park, if it must not.
	 * @param exception what the advised method threw
	 * @param methodNeverPark the types the advised method's {@code @HotRestart} lists
	 * @return the reason, for a log line, or {@code null} if the exception may park
	 */
	public @Nullable String whyNotParked(Throwable exception, Collection<Class<? extends Throwable>> methodNeverPark) {
		for (Class<? extends Throwable> type : methodNeverPark) {
			if (type.isInstance(exception)) {
				return "@HotRestart(neverPark) lists " + type.getName();
			}
		}
		for (Class<? extends Throwable> type : this.neverPark) {
			if (type.isInstance(exception)) {
				return "hot-restart.never-park lists " + type.getName();
			}
		}
		if (!this.parkHttpErrors && SPRING_WEB_PRESENT && HttpErrors.isIntentional(exception)) {
			return "it is an intentional HTTP error (set hot-restart.park-http-errors=true to park those too)";
		}
		return null;
	}

	/**
	 * Isolates the Spring Web types so that this class loads without them.
	 */
	private static final class HttpErrors {

		static boolean isIntentional(Throwable exception) {
			return exception instanceof org.springframework.web.ErrorResponse || AnnotatedElementUtils
				.hasAnnotation(exception.getClass(), org.springframework.web.bind.annotation.ResponseStatus.class);
		}

	}

}

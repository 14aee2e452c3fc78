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

package dev.hotrestart.actuate;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.actuate.ParkedFailureDescriptor.RequestDescriptor;
import dev.hotrestart.park.ResolvedCall;

/**
 * A call that has left the parking lot, as the endpoint's history shows it.
 *
 * @param id the id it was parked under
 * @param method the method, as {@code SimpleClassName.name(ParamType, ...)}
 * @param className the fully qualified name of the bean's class
 * @param outcome {@code resumed}, {@code failed}, {@code aborted}, {@code released},
 * {@code timed-out} or {@code interrupted}
 * @param attempts how many times the method ran
 * @param exception the type and message of the last exception
 * @param thread the name of the thread that was parked
 * @param request the web request the call served, or {@code null}
 * @param firstParkedAt when the call first parked (ISO-8601)
 * @param resolvedAt when it left the lot (ISO-8601)
 * @param parkedMillis how long it was parked, in milliseconds
 * @author hot-restart authors
 */
public record ResolvedCallDescriptor(String id, String method, String className, String outcome, int attempts,
		ExceptionSummary exception, String thread, @Nullable RequestDescriptor request, String firstParkedAt,
		String resolvedAt, long parkedMillis) {

	static ResolvedCallDescriptor of(ResolvedCall call) {
		return new ResolvedCallDescriptor(call.id(), call.site().method(), call.site().className(),
				call.outcome().value(), call.attempts(),
				new ExceptionSummary(call.exceptionType(), call.exceptionMessage()), call.site().thread(),
				RequestDescriptor.of(call.site().request()), call.firstParkedAt().toString(),
				call.resolvedAt().toString(), call.parkedFor().toMillis());
	}

	/**
	 * The type and message of an exception.
	 *
	 * @param type the fully qualified class name
	 * @param message the message, or {@code null}
	 */
	public record ExceptionSummary(String type, @Nullable String message) {

	}

}

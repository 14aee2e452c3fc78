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

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.locals.LocalsInstallation;
import dev.hotrestart.park.AttemptFailure;
import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.WebRequestLine;
import dev.hotrestart.reload.ApplicationCode;

/**
 * A parked failure as the endpoint shows it.
 *
 * @param id the id to continue or abort it by
 * @param method the method, as {@code SimpleClassName.name(ParamType, ...)}
 * @param className the fully qualified name of the bean's class
 * @param arguments the arguments, rendered for display
 * @param exception the exception of the latest attempt
 * @param attempt the number of the latest attempt, starting at 1
 * @param thread the name of the parked thread
 * @param parkedAt when the latest attempt parked (ISO-8601)
 * @param firstParkedAt when the call first parked (ISO-8601)
 * @param request the web request the call serves, or {@code null}
 * @param state {@code parked} (continue and abort possible) or {@code running}
 * @param callerTransaction whether the call parked inside a transaction its caller
 * started (only with {@code hot-restart.park-in-caller-transaction=true}): that
 * transaction is rollback-only, so the caller's commit fails even if a retry succeeds
 * @param clientGone whether the client of the web request has disconnected, so that
 * nobody receives the answer of a retry ({@code false} where the server cannot tell)
 * @param localsCapture whether the application frames of {@code exception} show their
 * local variables: {@code captured}; {@code next-attempt} when recording began after this
 * attempt (a continue without a change runs it again with them); {@code none} when no
 * frame was recorded; {@code off} ({@code hot-restart.capture-locals=false}); or
 * {@code unavailable} when this JVM cannot record them (see the log)
 * @author hot-restart authors
 */
public record ParkedFailureDescriptor(String id, String method, String className, List<String> arguments,
		ExceptionDescriptor exception, int attempt, String thread, String parkedAt, String firstParkedAt,
		@Nullable RequestDescriptor request, String state, boolean callerTransaction, boolean clientGone,
		String localsCapture) {

	static ParkedFailureDescriptor of(ParkedCall call, ApplicationCode applicationCode) {
		CallSite site = call.getSite();
		AttemptFailure failure = call.getFailure();
		ExceptionDescriptor exception = ExceptionDescriptor.of(failure.exception(), applicationCode);
		return new ParkedFailureDescriptor(call.getId(), site.method(), site.className(), site.arguments(), exception,
				failure.attempt(), site.thread(), failure.parkedAt().toString(), call.getFirstParkedAt().toString(),
				RequestDescriptor.of(site.request()), call.getState().value(), site.callerTransaction(),
				call.isClientGone(), LocalsInstallation.captureOf(exception.hasLocals(), failure.parkedAt()));
	}

	/**
	 * The web request a parked call serves.
	 *
	 * @param method the HTTP method
	 * @param uri the URI with its query string
	 * @param clientAddress the client's address, judged by the connection's peer rather
	 * than by forwarded headers, or {@code null} when unknown
	 * @param remote whether the request came from another host
	 */
	public record RequestDescriptor(String method, String uri, @Nullable String clientAddress, boolean remote) {

		static @Nullable RequestDescriptor of(@Nullable WebRequestLine request) {
			return (request != null)
					? new RequestDescriptor(request.method(), request.uri(), request.clientAddress(), request.remote())
					: null;
		}

	}

}

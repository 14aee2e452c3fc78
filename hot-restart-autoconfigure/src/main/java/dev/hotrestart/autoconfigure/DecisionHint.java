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

package dev.hotrestart.autoconfigure;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.Environment;

/**
 * Where the developer decides on parked calls in this application, in the words of the
 * start-up log line and of each parked call's log line: the endpoint (and the console) in
 * a web application, the terminal without a web server (see {@link OnTerminalCondition}:
 * not inside a test runner), both when the terminal is asked for in a web application.
 * The kind of application is the one {@link HotRestartEnvironmentPostProcessor} recorded;
 * a context not started by {@code SpringApplication} counts as a web application.
 *
 * @author hot-restart authors
 */
final class DecisionHint {

	static final String WEB_APPLICATION_TYPE_PROPERTY = "hot-restart.internal.web-application-type";

	/**
	 * A web application without the terminal.
	 */
	static final DecisionHint WEB = new DecisionHint(true, false);

	private final boolean web;

	private final boolean terminal;

	private DecisionHint(boolean web, boolean terminal) {
		this.web = web;
		this.terminal = terminal;
	}

	static DecisionHint of(Environment environment) {
		String type = environment.getProperty(WEB_APPLICATION_TYPE_PROPERTY, WebApplicationType.SERVLET.name());
		return of(environment, WebApplicationType.valueOf(type));
	}

	static DecisionHint of(Environment environment, WebApplicationType type) {
		boolean web = type != WebApplicationType.NONE;
		Boolean terminal = environment.getProperty(OnTerminalCondition.PROPERTY, Boolean.class);
		boolean testRunner = HotRestartActivation.testRunner(Thread.currentThread().getStackTrace()) != null;
		return new DecisionHint(web, (terminal != null) ? terminal : !web && !testRunner);
	}

	/**
	 * Say where parked calls can be seen, to end the start-up log line.
	 * @param consolePath the path of the console when the application has one, or
	 * {@code null}
	 * @return the sentence
	 */
	String whereParkedCallsAre(@Nullable String consolePath) {
		if (this.web) {
			return "Parked failures: /actuator/hotrestart"
					+ ((consolePath != null) ? " (console: " + consolePath + ")" : "")
					+ (this.terminal ? " and on standard input" : "");
		}
		return this.terminal ? "Parked calls print here; type continue, abort or list on standard input"
				: "No web server and no terminal (hot-restart.terminal): parked calls can only time out";
	}

	/**
	 * Say what to do about a call that has just parked.
	 * @return the advice for a call id
	 */
	Function<String, String> howToDecide() {
		if (this.web) {
			return (id) -> "Fix and recompile, then POST /actuator/hotrestart/" + id + "/continue (or /abort)"
					+ (this.terminal ? ", or type 'continue " + id + "' on standard input." : ".");
		}
		if (this.terminal) {
			return (id) -> "Fix and recompile, then type 'continue " + id + "' (or 'abort " + id
					+ "') on standard input.";
		}
		return (id) -> "There is no web server and hot-restart.terminal is false, so nothing can continue it: it "
				+ "gives up after hot-restart.park-timeout. Set hot-restart.terminal=true to decide on standard input.";
	}

}

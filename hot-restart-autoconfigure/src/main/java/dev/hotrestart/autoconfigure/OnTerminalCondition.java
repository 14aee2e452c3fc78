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

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when hot restart's terminal is wanted: {@code hot-restart.terminal=true}, or,
 * when it is unset, an application without a web server, where there is no endpoint or
 * console, outside a test runner, whose standard input belongs to the runner.
 * {@code hot-restart.terminal=false} turns it off. Run with {@code --debug} to see why it
 * does or does not match.
 *
 * @author hot-restart authors
 */
class OnTerminalCondition extends AnyNestedCondition {

	static final String PROPERTY = "hot-restart.terminal";

	OnTerminalCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnBooleanProperty(PROPERTY)
	static class AskedFor {

	}

	@ConditionalOnNotWebApplication
	@ConditionalOnBooleanProperty(name = PROPERTY, matchIfMissing = true)
	@Conditional(OutsideTestRunnerCondition.class)
	static class NoWebServer {

	}

	/**
	 * Matches outside a test runner.
	 */
	static class OutsideTestRunnerCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("Hot restart terminal");
			String testRunner = HotRestartActivation.testRunner(Thread.currentThread().getStackTrace());
			return (testRunner != null)
					? ConditionOutcome.noMatch(message.because("standard input belongs to the test runner ("
							+ testRunner + "); set " + PROPERTY + "=true to read it anyway"))
					: ConditionOutcome.match(message.because("the application runs outside a test runner"));
		}

	}

}

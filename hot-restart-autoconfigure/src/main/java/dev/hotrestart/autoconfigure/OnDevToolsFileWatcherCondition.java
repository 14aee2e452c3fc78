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

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when Spring Boot DevTools watches the class path and restarts on changes: its
 * {@code Restarter} is active and {@code spring.devtools.restart.enabled} is not
 * {@code false}, the conditions of DevTools' own restart configuration. Run with
 * {@code --debug} to see why it does not match.
 *
 * @author hot-restart authors
 */
class OnDevToolsFileWatcherCondition extends SpringBootCondition {

	private static final String ENABLED_PROPERTY = "spring.devtools.restart.enabled";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("DevTools file watcher");
		ConditionOutcome restarter = OnDevToolsRestarterCondition.outcome(message);
		if (!restarter.isMatch()) {
			return restarter;
		}
		if (!context.getEnvironment().getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return ConditionOutcome.noMatch(message.because(ENABLED_PROPERTY + " is false"));
		}
		return ConditionOutcome
			.match(message.because("DevTools restarts the application when class path files change"));
	}

}

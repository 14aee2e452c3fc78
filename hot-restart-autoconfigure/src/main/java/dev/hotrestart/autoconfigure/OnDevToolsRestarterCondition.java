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

import dev.hotrestart.devtools.DevToolsRestart;

/**
 * Matches when Spring Boot DevTools may restart the application: its {@code Restarter} is
 * on the class path and initialised with URLs to restart with (an IDE launch or
 * {@code spring-boot:run}). Without DevTools on the class path it simply does not match.
 *
 * @author hot-restart authors
 */
class OnDevToolsRestarterCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return outcome(ConditionMessage.forCondition("DevTools restarter"));
	}

	static ConditionOutcome outcome(ConditionMessage.Builder message) {
		if (!DevToolsRestart.isPresent()) {
			return ConditionOutcome.noMatch(message.because("spring-boot-devtools is not on the class path"));
		}
		if (!DevToolsRestart.isActive()) {
			return ConditionOutcome.noMatch(message.because("DevTools restart is not active in this JVM"));
		}
		return ConditionOutcome.match(message.because("DevTools restart is active"));
	}

}

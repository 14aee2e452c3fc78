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
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when hot restart is active, as decided at start-up by
 * {@link HotRestartEnvironmentPostProcessor}, or, for a context not started by
 * {@code SpringApplication}, by {@link HotRestartActivation} directly. Run with
 * {@code --debug} to see the reason in the condition evaluation report.
 *
 * @author hot-restart authors
 */
class OnHotRestartActiveCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		ConditionMessage.Builder message = ConditionMessage.forCondition("Hot restart");
		Boolean active = environment.getProperty(HotRestartEnvironmentPostProcessor.ACTIVE_PROPERTY, Boolean.class);
		if (active != null && environment.getProperty(HotRestartActivation.ENABLED_PROPERTY) == null) {
			String reason = environment.getProperty(HotRestartEnvironmentPostProcessor.REASON_PROPERTY, "");
			return new ConditionOutcome(active, message.because(reason));
		}
		HotRestartActivation.Decision decision = HotRestartActivation.decide(environment, null,
				Thread.currentThread().getStackTrace());
		return new ConditionOutcome(decision.active(), message.because(decision.reason()));
	}

}

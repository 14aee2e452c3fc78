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

import java.util.concurrent.Executor;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

import dev.hotrestart.aop.OptInExpression;

/**
 * Loads AspectJ's pointcut parser and matcher on a thread of its own as soon as the
 * environment is ready, when hot restart is active and {@code hot-restart.pointcut} is
 * set. The expression must be parsed on the main thread when the advisor is created, so
 * that a bad one fails start-up; warmed up, that parse no longer pays for loading some
 * two hundred AspectJ classes, which the second core has loaded meanwhile. Runs after
 * {@link HotRestartEnvironmentPostProcessor}, whose decision it reads.
 *
 * @author hot-restart authors
 */
class PointcutWarmUp implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	private final Executor executor;

	PointcutWarmUp() {
		this((task) -> {
			Thread thread = new Thread(task, "hot-restart-pointcut-warm-up");
			thread.setDaemon(true);
			thread.start();
		});
	}

	PointcutWarmUp(Executor executor) {
		this.executor = executor;
	}

	@Override
	public int getOrder() {
		// After the environment post-processors have decided whether hot restart is
		// active
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		String expression = environment.getProperty(OptInExpression.PROPERTY);
		if (StringUtils.hasText(expression)
				&& environment.getProperty(HotRestartEnvironmentPostProcessor.ACTIVE_PROPERTY, Boolean.class, false)) {
			ClassLoader classLoader = event.getSpringApplication().getClassLoader();
			this.executor.execute(() -> OptInExpression.warmUp(expression, classLoader));
		}
	}

}

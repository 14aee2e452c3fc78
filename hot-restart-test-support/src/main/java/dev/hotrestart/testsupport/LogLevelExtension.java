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

package dev.hotrestart.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.LoggerFactory;

/**
 * Sets the levels of {@link LogLevel} before each test and restores them after it. Runs
 * after Spring's extension has started the test's application, which configures logging
 * anew.
 */
class LogLevelExtension implements BeforeEachCallback, AfterEachCallback {

	private static final Namespace NAMESPACE = Namespace.create(LogLevelExtension.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		LogLevel annotation = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), LogLevel.class)
			.or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LogLevel.class))
			.orElseThrow();
		Level level = Level.toLevel(annotation.level());
		Map<Logger, @Nullable Level> previous = new LinkedHashMap<>();
		for (String name : annotation.loggers()) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			if (!logger.isEnabledFor(level)) {
				previous.put(logger, logger.getLevel());
				logger.setLevel(level);
			}
		}
		context.getStore(NAMESPACE).put(context.getUniqueId(), previous);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterEach(ExtensionContext context) {
		Map<Logger, @Nullable Level> previous = context.getStore(NAMESPACE).remove(context.getUniqueId(), Map.class);
		if (previous != null) {
			previous.forEach(Logger::setLevel);
		}
	}

}

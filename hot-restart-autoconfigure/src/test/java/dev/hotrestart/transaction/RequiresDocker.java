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

package dev.hotrestart.transaction;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where Testcontainers finds a Docker engine. Elsewhere the class
 * is skipped with one line on the console that names the test class covering the same on
 * H2 (Testcontainers' own report of a missing engine, an error with a stack trace, is
 * kept out of the build's log).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RequiresDocker.Condition.class)
@interface RequiresDocker {

	/**
	 * The test class that runs the same tests on H2.
	 * @return the H2 counterpart
	 */
	Class<?> h2Counterpart();

	/**
	 * Decides for the test class, once.
	 */
	final class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (context.getTestMethod().isPresent()) {
				return ConditionEvaluationResult.enabled("the test class runs");
			}
			if (DockerClientFactory.instance().isDockerAvailable()) {
				return ConditionEvaluationResult.enabled("Testcontainers found a Docker engine");
			}
			Class<?> testClass = context.getRequiredTestClass();
			Class<?> counterpart = AnnotationSupport.findAnnotation(testClass, RequiresDocker.class)
				.orElseThrow()
				.h2Counterpart();
			String reason = "no Docker engine for Testcontainers; " + counterpart.getSimpleName()
					+ " runs the same tests on H2";
			System.err.println("Skipping " + testClass.getSimpleName() + ": " + reason);
			return ConditionEvaluationResult.disabled(reason);
		}

	}

}

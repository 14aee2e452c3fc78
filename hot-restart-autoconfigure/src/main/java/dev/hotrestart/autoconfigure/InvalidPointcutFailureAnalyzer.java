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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.hotrestart.aop.InvalidPointcutException;
import dev.hotrestart.aop.OptInExpression;

/**
 * Explains a start-up that failed on an expression in {@code hot-restart.pointcut} that
 * AspectJ cannot parse, and how to write one.
 *
 * @author hot-restart authors
 */
class InvalidPointcutFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPointcutException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPointcutException cause) {
		String description = "The expression in " + OptInExpression.PROPERTY
				+ " is not a valid AspectJ pointcut expression:\n\n    " + cause.getExpression() + "\n\nAspectJ says: "
				+ cause.getParseError();
		String action = "Correct " + OptInExpression.PROPERTY + ", for example:\n"
				+ "    within(com.acme.billing..*)              the classes of a package and its sub-packages\n"
				+ "    execution(* com.acme..*Service.*(..))    the methods of classes named ...Service\n"
				+ "Type names must be fully qualified and on the class path. "
				+ "Or remove the property to advise only @HotRestart methods.";
		return new FailureAnalysis(description, action, cause);
	}

}

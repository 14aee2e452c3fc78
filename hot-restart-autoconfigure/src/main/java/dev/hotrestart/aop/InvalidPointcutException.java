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

package dev.hotrestart.aop;

/**
 * Thrown at start-up when AspectJ cannot parse the expression of
 * {@code hot-restart.pointcut}.
 *
 * @author hot-restart authors
 */
public class InvalidPointcutException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String expression;

	private final String parseError;

	/**
	 * Create an exception for an expression AspectJ rejected.
	 * @param expression the expression
	 * @param cause what AspectJ threw
	 */
	public InvalidPointcutException(String expression, Throwable cause) {
		super(OptInExpression.PROPERTY + " '" + expression + "' is not a valid AspectJ pointcut expression: "
				+ cause.getMessage(), cause);
		this.expression = expression;
		this.parseError = String.valueOf(cause.getMessage()).strip();
	}

	/**
	 * Return the expression that could not be parsed.
	 * @return the expression
	 */
	public String getExpression() {
		return this.expression;
	}

	/**
	 * Return what AspectJ said about the expression.
	 * @return AspectJ's message, which may span lines (a caret marks the position)
	 */
	public String getParseError() {
		return this.parseError;
	}

}

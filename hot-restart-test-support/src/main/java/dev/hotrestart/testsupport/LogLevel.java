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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logs the given loggers at least at the given level while each test runs, for a test
 * that asserts on their output. The build's test logging is quieter (see
 * {@code logback-test.xml}); a more verbose level chosen with
 * {@code -Dhot-restart.test.log-level} is kept.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(LogLevelExtension.class)
public @interface LogLevel {

	/**
	 * Names of the loggers, such as {@code dev.hotrestart}.
	 * @return the logger names
	 */
	String[] loggers();

	/**
	 * The level, such as {@code WARN}.
	 * @return the level's name
	 */
	String level();

}

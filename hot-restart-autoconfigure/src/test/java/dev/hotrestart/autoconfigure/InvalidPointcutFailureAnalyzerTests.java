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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import dev.hotrestart.aop.InvalidPointcutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link InvalidPointcutFailureAnalyzer}: what a developer sees when an
 * application fails to start on a bad {@code hot-restart.pointcut}.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidPointcutFailureAnalyzerTests {

	@Test
	void whenThePointcutCannotBeParsedThenStartUpFailsWithTheParseErrorAndExamples(CapturedOutput output) {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> run("within(com.acme..*"))
			.withRootCauseInstanceOf(IllegalArgumentException.class)
			.satisfies(
					(failure) -> assertThat(failure).hasStackTraceContaining(InvalidPointcutException.class.getName()));
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("The expression in hot-restart.pointcut is not a valid AspectJ pointcut expression:")
			.contains("    within(com.acme..*")
			.contains("AspectJ says: Pointcut is not well-formed: expecting ')'")
			.contains("Correct hot-restart.pointcut, for example:")
			.contains("within(com.acme.billing..*)");
	}

	@Test
	void whenThePointcutUsesAPrimitiveSpringCannotMatchThenAspectJSaysWhich(CapturedOutput output) {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> run("call(* com.acme..*(..))"));
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("contains unsupported pointcut primitive 'call'");
	}

	private static void run(String pointcut) {
		new SpringApplicationBuilder(FailingApplication.class).web(WebApplicationType.NONE)
			.properties("hot-restart.enabled=true", "spring.main.banner-mode=off", "hot-restart.pointcut=" + pointcut)
			.run()
			.close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, HotRestartAutoConfiguration.class })
	static class FailingApplication {

	}

}

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

package dev.hotrestart.reload;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EnhancedRedefinition} on the JVM running the tests. A stock JDK has no
 * {@code AllowEnhancedClassRedefinition} option at all, which must read as "stock" rather
 * than fail; on JetBrains Runtime the answer follows the command line.
 *
 * @author hot-restart authors
 */
class EnhancedRedefinitionTests {

	@Test
	void detectionFollowsTheJvmOptionAndAJvmWithoutItCountsAsStock() {
		boolean requested = ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.contains("-XX:+" + EnhancedRedefinition.OPTION);
		assertThat(EnhancedRedefinition.isEnabled()).isEqualTo(requested);
	}

}

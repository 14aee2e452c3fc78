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

package dev.hotrestart.park;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ArgumentRenderer}.
 */
class ArgumentRendererTests {

	@Test
	void rendersNullAndValues() {
		assertThat(ArgumentRenderer.render(new Object[] { null, 42, "text" })).containsExactly("null", "42", "text");
	}

	@Test
	void toStringThatThrowsIsNamedNotPropagated() {
		Object hostile = new Object() {

			@Override
			public String toString() {
				throw new IllegalStateException("lazy loading outside a session");
			}

		};
		assertThat(ArgumentRenderer.render(hostile)).endsWith("(toString() threw java.lang.IllegalStateException)");
	}

	@Test
	void hugeToStringIsTruncated() {
		String rendered = ArgumentRenderer.render("x".repeat(100_000));
		assertThat(rendered).startsWith("x".repeat(ArgumentRenderer.MAX_LENGTH))
			.endsWith("... (99000 more characters)")
			.hasSizeLessThan(ArgumentRenderer.MAX_LENGTH + 40);
	}

	@Test
	void arraysShowTheirTypeLengthAndFirstElements() {
		assertThat(ArgumentRenderer.render(new int[] { 1, 2, 3 })).isEqualTo("int[3] {1, 2, 3}");
		assertThat(ArgumentRenderer.render((Object) new String[25])).startsWith("String[25] {null, null")
			.endsWith(", ...}");
		assertThat(ArgumentRenderer.render(new byte[10_000_000])).hasSizeLessThan(ArgumentRenderer.MAX_LENGTH + 40);
	}

}

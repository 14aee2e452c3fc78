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

package dev.hotrestart.locals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CapturedFrames}.
 *
 * @author hot-restart authors
 */
class CapturedFramesTests {

	private final CapturedFrames store = new CapturedFrames(2, 3);

	@Test
	void framesAreKeptInTheOrderTheExceptionLeftThem() {
		IllegalStateException exception = new IllegalStateException();
		this.store.add(exception, frame("inner"));
		this.store.add(exception, frame("outer"));
		assertThat(this.store.of(exception)).extracting((frame) -> frame.isOf("demo.Service", "inner"))
			.containsExactly(true, false);
	}

	@Test
	void exceptionsAreToldApartByIdentityWhateverTheirEquals() {
		AlwaysEqual first = new AlwaysEqual();
		AlwaysEqual second = new AlwaysEqual();
		this.store.add(first, frame("first"));
		this.store.add(second, frame("second"));
		this.store.add(first, frame("again"));
		assertThat(this.store.of(first)).hasSize(2);
		assertThat(this.store.of(second)).singleElement()
			.satisfies((frame) -> assertThat(frame.isOf("demo.Service", "second")).isTrue());
	}

	@Test
	void framesGoWhenTheExceptionIsCollected() {
		recordAndForget();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			System.gc();
			return this.store.size() == 0;
		});
	}

	private void recordAndForget() {
		this.store.add(new IllegalStateException(), frame("gone"));
		assertThat(this.store.size()).isOne();
	}

	@Test
	void boundedInExceptionsAndInFramesPerException() {
		IllegalStateException first = new IllegalStateException();
		IllegalStateException second = new IllegalStateException();
		IllegalStateException third = new IllegalStateException();
		for (int i = 0; i < 5; i++) {
			this.store.add(first, frame("frame" + i));
		}
		this.store.add(second, frame("second"));
		this.store.add(third, frame("third"));
		assertThat(this.store.of(first)).as("the deepest frames")
			.hasSize(3)
			.first()
			.satisfies((frame) -> assertThat(frame.isOf("demo.Service", "frame0")).isTrue());
		assertThat(this.store.of(second)).hasSize(1);
		assertThat(this.store.of(third)).as("beyond the bound while the others live").isEmpty();
	}

	private static CapturedFrame frame(String method) {
		return new CapturedFrame(new FrameKey("demo.Service", method, java.util.List.of(), new int[0]).format(),
				new Object[0]);
	}

	/**
	 * An exception whose {@code equals} a store must not trust.
	 */
	static class AlwaysEqual extends RuntimeException {

		@Override
		public boolean equals(Object other) {
			return true;
		}

		@Override
		public int hashCode() {
			return 1;
		}

	}

}

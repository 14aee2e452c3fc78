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

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ParkingHistory}.
 *
 * @author hot-restart authors
 */
class ParkingHistoryTests {

	@Test
	void keepsTheNewestEntriesFirstUpToItsCapacity() {
		ParkingHistory history = new ParkingHistory(2);
		history.add(resolved("1"));
		history.add(resolved("2"));
		history.add(resolved("3"));
		assertThat(history.getEntries()).extracting(ResolvedCall::id).containsExactly("3", "2");
	}

	@Test
	void remembersNothingWithZeroCapacity() {
		ParkingHistory history = new ParkingHistory(0);
		history.add(resolved("1"));
		assertThat(history.getEntries()).isEmpty();
	}

	@Test
	void measuresTheTimeFromParkToResolution() {
		ResolvedCall call = new ResolvedCall("1", site(), Outcome.RESUMED, 2, "java.lang.IllegalStateException", null,
				Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T10:01:12Z"));
		assertThat(call.parkedFor()).hasSeconds(72);
	}

	private static ResolvedCall resolved(String id) {
		Instant now = Instant.now();
		return new ResolvedCall(id, site(), Outcome.ABORTED, 1, "java.lang.IllegalStateException", "boom", now, now);
	}

	private static CallSite site() {
		return new CallSite("com.example.Quotes", "Quotes.quote(String)", List.of("ABC"), "main", null);
	}

}

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

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ParkingQuota}.
 *
 * @author hot-restart authors
 */
class ParkingQuotaTests {

	private final ParkingLot lot = new ParkingLot(10, Duration.ofMinutes(1));

	@Test
	void requestsFromOtherHostsMayTakeHalfTheLotByDefault() {
		ParkingQuota quota = ParkingQuota.of(4, null);
		List<ParkedCall> parked = new ArrayList<>();
		parked.add(call(remote()));
		assertThat(quota.refusal(remote(), parked)).isNull();
		parked.add(call(remote()));
		assertThat(quota.refusal(remote(), parked)).contains("2 calls of requests from other hosts",
				"hot-restart.remote.max-parked");
		assertThat(quota.refusal(local(), parked)).as("this machine's own request").isNull();
		assertThat(quota.refusal(jobThread(), parked)).as("a call that serves no request").isNull();
	}

	@Test
	void theLotsCapacityBindsEveryone() {
		ParkingQuota quota = ParkingQuota.of(3, 3);
		List<ParkedCall> parked = List.of(call(local()), call(local()), call(remote()));
		assertThat(quota.refusal(local(), parked)).contains("3 calls are parked already (hot-restart.max-parked)");
		assertThat(quota.refusal(remote(), parked)).contains("hot-restart.max-parked");
	}

	@Test
	void remoteShareCanBeSetOrClosed() {
		List<ParkedCall> threeRemote = List.of(call(remote()), call(remote()), call(remote()));
		assertThat(ParkingQuota.of(10, 4).refusal(remote(), threeRemote)).isNull();
		assertThat(ParkingQuota.of(10, 3).refusal(remote(), threeRemote)).isNotNull();
		assertThat(ParkingQuota.of(10, 0).refusal(remote(), List.of())).as("no remote failure parks").isNotNull();
		assertThat(ParkingQuota.of(1, null).refusal(remote(), List.of())).as("half of one is none").isNotNull();
	}

	@Test
	void lotRefusesARemoteFailureBeyondItsShare() {
		ParkingLot small = new ParkingLot(ParkingQuota.of(2, 1), Duration.ofMinutes(1), Stream::empty,
				new ParkingHistory(5), Clock.systemUTC());
		assertThat(small.park(remote(), new IllegalStateException("first"))).isNotNull();
		assertThat(small.park(remote(), new IllegalStateException("second"))).isNull();
		assertThat(small.park(local(), new IllegalStateException("mine"))).isNotNull();
		assertThat(small.getCalls()).hasSize(2);
		small.releaseAll(Duration.ZERO);
	}

	private ParkedCall call(CallSite site) {
		ParkedCall call = this.lot.park(site, new IllegalStateException("parked"));
		assertThat(call).isNotNull();
		return call;
	}

	private static CallSite remote() {
		return site(new WebRequestLine("GET", "/work", "192.0.2.9", true));
	}

	private static CallSite local() {
		return site(new WebRequestLine("GET", "/work", "127.0.0.1", false));
	}

	private static CallSite jobThread() {
		return site(null);
	}

	private static CallSite site(WebRequestLine request) {
		return new CallSite("com.example.Work", "Work.run()", List.of(), "worker", request);
	}

}

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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ParkingLot} and the life cycle of a {@link ParkedCall}, with real
 * parked threads.
 */
@Timeout(120)
class ParkingLotTests {

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final ParkingLot lot = new ParkingLot(3, Duration.ofMinutes(1));

	@AfterEach
	void releaseThreads() throws InterruptedException {
		this.lot.releaseAll(Duration.ofSeconds(5));
		this.threads.shutdownNow();
		assertThat(this.threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void parkedCallsAreListedOldestFirstWithIncreasingIds() {
		ParkedCall first = parkInBackground(this.lot, new IllegalStateException("one")).call;
		ParkedCall second = parkInBackground(this.lot, new IllegalStateException("two")).call;
		assertThat(this.lot.getCalls()).containsExactly(first, second);
		assertThat(first.getId()).isEqualTo("1");
		assertThat(second.getId()).isEqualTo("2");
		assertThat(this.lot.get("2")).isSameAs(second);
		assertThat(first.getFailure().attempt()).isEqualTo(1);
		assertThat(first.getState()).isEqualTo(ParkedCallState.PARKED);
	}

	@Test
	void unknownIdIsReported() {
		assertThatExceptionOfType(NoSuchParkedCallException.class).isThrownBy(() -> this.lot.get("42"))
			.withMessageContaining("No parked call has id '42'");
	}

	@Test
	void failureBeyondCapacityIsNotParked() {
		for (int i = 0; i < 3; i++) {
			parkInBackground(this.lot, new IllegalStateException("full " + i));
		}
		assertThat(this.lot.park(site(), new IllegalStateException("one too many"))).isNull();
		assertThat(this.lot.getCalls()).hasSize(3);
	}

	@Test
	void abortResolvesTheWaitAndSettlesTheException() throws Exception {
		IllegalStateException exception = new IllegalStateException("boom");
		Parked parked = parkInBackground(this.lot, exception);
		parked.call.requestAbort();
		assertThat(parked.resolution.get(5, TimeUnit.SECONDS)).isEqualTo(Resolution.ABORT);
		assertThat(this.lot.getCalls()).isEmpty();
		assertThat(this.lot.isSettled(exception)).isTrue();
		assertThat(this.lot.isSettled(new RuntimeException("wrapped", exception))).isTrue();
		assertThat(this.lot.isSettled(new IllegalStateException("other"))).isFalse();
	}

	@Test
	void retryThatParksAgainKeepsTheIdAndCountsTheAttempt() throws Exception {
		Parked parked = parkInBackground(this.lot, new IllegalStateException("first"));
		CompletableFuture<AttemptOutcome> outcome = parked.call.requestRetry();
		assertThat(parked.resolution.get(5, TimeUnit.SECONDS)).isEqualTo(Resolution.RETRY);
		assertThat(parked.call.getState()).isEqualTo(ParkedCallState.RUNNING);
		IllegalStateException second = new IllegalStateException("second");
		parked.call.retryParked(second);
		AttemptOutcome parkedAgain = outcome.get(5, TimeUnit.SECONDS);
		assertThat(parkedAgain).isInstanceOfSatisfying(AttemptOutcome.ParkedAgain.class, (again) -> {
			assertThat(again.failure().attempt()).isEqualTo(2);
			assertThat(again.failure().exception()).isSameAs(second);
		});
		assertThat(this.lot.getCalls()).containsExactly(parked.call);
		assertThat(parked.call.isWaiting()).isTrue();
		parked.call.requestAbort();
		assertThat(parked.call.awaitResolution()).isEqualTo(Resolution.ABORT);
		assertThat(this.lot.getCalls()).isEmpty();
	}

	@Test
	void successfulRetryLeavesTheLot() throws Exception {
		Parked parked = parkInBackground(this.lot, new IllegalStateException("first"));
		CompletableFuture<AttemptOutcome> outcome = parked.call.requestRetry();
		parked.resolution.get(5, TimeUnit.SECONDS);
		parked.call.retrySucceeded();
		assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(AttemptOutcome.Resumed.class);
		assertThat(this.lot.getCalls()).isEmpty();
	}

	@Test
	void secondDecisionOnACallIsRefused() {
		Parked parked = parkInBackground(this.lot, new IllegalStateException("raced"));
		parked.call.requestRetry();
		assertThatExceptionOfType(ParkedCallBusyException.class).isThrownBy(parked.call::requestAbort)
			.withMessageContaining("is running, not waiting");
		assertThatExceptionOfType(ParkedCallBusyException.class).isThrownBy(parked.call::requestRetry);
		parked.call.retrySucceeded();
	}

	@Test
	void racingContinueAndAbortHaveExactlyOneWinner() throws Exception {
		for (int i = 0; i < 50; i++) {
			Parked parked = parkInBackground(this.lot, new IllegalStateException("race " + i));
			Future<Boolean> retried = this.threads.submit(() -> succeeds(parked.call::requestRetry));
			Future<Boolean> aborted = this.threads.submit(() -> succeeds(parked.call::requestAbort));
			assertThat(retried.get(5, TimeUnit.SECONDS) ^ aborted.get(5, TimeUnit.SECONDS)).isTrue();
			Resolution resolution = parked.resolution.get(5, TimeUnit.SECONDS);
			if (resolution.retries()) {
				parked.call.retrySucceeded();
			}
		}
		assertThat(this.lot.getCalls()).isEmpty();
	}

	@Test
	void parkTimesOut() throws Exception {
		ParkingLot shortLot = new ParkingLot(3, Duration.ofMillis(100));
		Parked parked = parkInBackground(shortLot, new IllegalStateException("slow developer"));
		assertThat(parked.resolution.get(5, TimeUnit.SECONDS)).isEqualTo(Resolution.TIMEOUT);
		assertThat(shortLot.getCalls()).isEmpty();
	}

	@Test
	void interruptEndsTheWaitAndKeepsTheInterruptFlag() throws Exception {
		CompletableFuture<Boolean> interruptFlag = new CompletableFuture<>();
		CompletableFuture<Resolution> resolution = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			ParkedCall call = this.lot.park(site(), new IllegalStateException("interrupted"));
			resolution.complete(call.awaitResolution());
			interruptFlag.complete(Thread.currentThread().isInterrupted());
		});
		thread.start();
		await().until(() -> this.lot.getCalls().size() == 1);
		thread.interrupt();
		assertThat(resolution.get(5, TimeUnit.SECONDS)).isEqualTo(Resolution.INTERRUPT);
		assertThat(interruptFlag.get(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void releaseAllReleasesWaitingCallsAndClosesTheLot() throws Exception {
		Parked first = parkInBackground(this.lot, new IllegalStateException("one"));
		Parked second = parkInBackground(this.lot, new IllegalStateException("two"));
		assertThat(this.lot.releaseAll(Duration.ofSeconds(5))).isEqualTo(2);
		assertThat(List.of(first.resolution.get(5, TimeUnit.SECONDS), second.resolution.get(5, TimeUnit.SECONDS)))
			.containsOnly(Resolution.RELEASE);
		assertThat(this.lot.getCalls()).isEmpty();
		assertThat(this.lot.isOpen()).isFalse();
		assertThat(this.lot.park(site(), new IllegalStateException("late"))).isNull();
	}

	@Test
	void listenersHearOfNewParkedCalls() {
		List<ParkedCall> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
		ParkListener listener = heard::add;
		ParkingLot heardLot = new ParkingLot(3, Duration.ofMinutes(1), () -> Stream.of(listener));
		ParkedCall call = parkInBackground(heardLot, new IllegalStateException("heard")).call;
		assertThat(heard).containsExactly(call);
	}

	@Test
	void actionOnACallThatHasLeftSaysHowItLeft() throws Exception {
		Parked resumed = parkInBackground(this.lot, new IllegalStateException("resumed"));
		resumed.call.requestRetry();
		resumed.resolution.get(5, TimeUnit.SECONDS);
		resumed.call.retrySucceeded();
		assertLeft(this.lot, resumed.call.getId(), "resumed");

		ParkingLot shortLot = new ParkingLot(3, Duration.ofMillis(100));
		Parked timedOut = parkInBackground(shortLot, new IllegalStateException("slow developer"));
		timedOut.resolution.get(5, TimeUnit.SECONDS);
		assertLeft(shortLot, timedOut.call.getId(), "timed-out");

		Parked released = parkInBackground(this.lot, new IllegalStateException("shutdown"));
		this.lot.releaseAll(Duration.ofSeconds(5));
		released.resolution.get(5, TimeUnit.SECONDS);
		assertLeft(this.lot, released.call.getId(), "released");
	}

	@Test
	void callThatLeftLongAgoIsUnknown() throws Exception {
		Parked first = parkInBackground(this.lot, new IllegalStateException("long ago"));
		first.call.requestAbort();
		first.resolution.get(5, TimeUnit.SECONDS);
		assertLeft(this.lot, first.call.getId(), "aborted");

		// The lot remembers how the latest 256 calls left, and no more
		for (int i = 0; i < 256; i++) {
			Parked later = parkInBackground(this.lot, new IllegalStateException("later " + i));
			later.call.requestAbort();
			later.resolution.get(5, TimeUnit.SECONDS);
		}

		assertThatExceptionOfType(NoSuchParkedCallException.class)
			.isThrownBy(() -> this.lot.getForAction(first.call.getId()))
			.withMessageContaining("No parked call has id '" + first.call.getId() + "'");
	}

	private static void assertLeft(ParkingLot parkingLot, String id, String how) {
		await().untilAsserted(() -> assertThatExceptionOfType(ParkedCallFinishedException.class)
			.isThrownBy(() -> parkingLot.getForAction(id))
			.isInstanceOf(ParkedCallBusyException.class)
			.withMessageContaining("Parked call '" + id + "' has already left (" + how + ")"));
	}

	private static boolean succeeds(Runnable decision) {
		try {
			decision.run();
			return true;
		}
		catch (ParkedCallBusyException ex) {
			return false;
		}
	}

	private Parked parkInBackground(ParkingLot parkingLot, Throwable exception) {
		CompletableFuture<ParkedCall> parkedCall = new CompletableFuture<>();
		Future<Resolution> resolution = this.threads.submit(() -> {
			ParkedCall call = parkingLot.park(site(), exception);
			parkedCall.complete(call);
			return call.awaitResolution();
		});
		return new Parked(parkedCall.join(), resolution);
	}

	private static CallSite site() {
		return new CallSite("com.example.Service", "Service.run()", List.of(), Thread.currentThread().getName(), null);
	}

	private record Parked(ParkedCall call, Future<Resolution> resolution) {

	}

}

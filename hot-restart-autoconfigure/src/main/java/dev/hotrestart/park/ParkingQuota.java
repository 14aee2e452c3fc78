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

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * How many calls the parking lot holds, and how many of them may serve requests from
 * other hosts, so that a remote client cannot take every slot: the failures of this
 * machine's own requests (and of calls that serve no request) always find one. Whether a
 * request came from another host is judged by its connection's peer, not by forwarded
 * headers (see {@link WebRequestLine#remote()}). Immutable.
 *
 * @author hot-restart authors
 */
public final class ParkingQuota {

	private final int maxParked;

	private final int maxRemote;

	/**
	 * Create a quota.
	 * @param maxParked the capacity of the lot
	 * @param maxRemote how many of the parked calls may serve requests from other hosts
	 */
	public ParkingQuota(int maxParked, int maxRemote) {
		this.maxParked = maxParked;
		this.maxRemote = maxRemote;
	}

	/**
	 * Create a quota.
	 * @param maxParked the capacity of the lot
	 * @param maxRemote how many of the parked calls may serve requests from other hosts,
	 * or {@code null} for half the capacity, rounded down
	 * @return the quota
	 */
	public static ParkingQuota of(int maxParked, @Nullable Integer maxRemote) {
		return new ParkingQuota(maxParked, (maxRemote != null) ? maxRemote : maxParked / 2);
	}

	/**
	 * Return why a call may not park, given the calls parked already.
	 * @param site where the new call comes from
	 * @param parked the calls in the lot
	 * @return what is full and what to do, or {@code null} if the call may park
	 */
	public @Nullable String refusal(CallSite site, Collection<ParkedCall> parked) {
		if (parked.size() >= this.maxParked) {
			return this.maxParked + " calls are parked already (hot-restart.max-parked). "
					+ "Continue or abort one at /actuator/hotrestart.";
		}
		if (isRemote(site)) {
			long remote = parked.stream().filter((call) -> isRemote(call.getSite())).count();
			if (remote >= this.maxRemote) {
				return remote + " calls of requests from other hosts are parked already, their share of the lot "
						+ "(hot-restart.remote.max-parked); the other slots stay free for this machine's own "
						+ "requests. Continue or abort one at /actuator/hotrestart.";
			}
		}
		return null;
	}

	private static boolean isRemote(CallSite site) {
		return site.request() != null && site.request().remote();
	}

}

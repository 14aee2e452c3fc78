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

/**
 * Decides whether a failure parks or propagates at once.
 * <p>
 * Never parked: errors of the virtual machine itself (out of memory, stack overflow),
 * failures of an interrupted thread, exceptions that already left a parked call (so an
 * outer advised method does not park what an inner one let go), and anything once the lot
 * has closed for shutdown. Thread-safe.
 *
 * @author hot-restart authors
 */
public class ParkPolicy {

	private final ParkingLot parkingLot;

	public ParkPolicy(ParkingLot parkingLot) {
		this.parkingLot = parkingLot;
	}

	/**
	 * Return whether a failure of the current thread should park.
	 * @param exception what the advised method threw
	 * @return {@code true} to park
	 */
	public boolean shouldPark(Throwable exception) {
		return !(exception instanceof VirtualMachineError) && !Thread.currentThread().isInterrupted()
				&& this.parkingLot.isOpen() && !this.parkingLot.isSettled(exception);
	}

}

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

/**
 * Parked failures and their life cycle: a failing call waits in the
 * {@link dev.hotrestart.park.ParkingLot} until it is continued, aborted, released or
 * times out, on its thread or, when its caller holds none, through
 * {@link dev.hotrestart.park.ThreadlessWaits}; and the web requests that parked calls
 * serve.
 */
package dev.hotrestart.park;

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
 * Who may reach the endpoint and the console: requests from this machine (judged by the
 * connection's real peer) addressed to a loopback name, no state-changing request from
 * another site, requests from other hosts only with a shared secret whose guessing is
 * throttled, and no framing by another origin.
 */
package dev.hotrestart.security;

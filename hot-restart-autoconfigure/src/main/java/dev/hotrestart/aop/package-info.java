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
 * Interception of {@link dev.hotrestart.HotRestart @HotRestart} methods and of the
 * methods {@code hot-restart.pointcut} opts in: the pointcuts, the advisor, the
 * interceptor that parks a failing call and runs it again, holding the calling thread,
 * or, for a {@code Mono}, a {@code Flux} or a {@code CompletableFuture}, without holding
 * any, and the start-up check that says where the annotation has no effect.
 */
package dev.hotrestart.aop;

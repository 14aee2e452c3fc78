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

package dev.hotrestart;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method, or every public method of a bean type, whose failures should be
 * parked for restart debugging instead of propagating.
 * <p>
 * When an annotated method throws while hot restart is active, the calling thread waits
 * (an HTTP client keeps waiting, the rest of the application keeps serving) and the
 * failure is listed at {@code /actuator/hotrestart}. After fixing and recompiling the
 * code, <em>continue</em> redefines the changed classes in the running JVM and calls the
 * method again with the same arguments; <em>abort</em> lets the original exception go on
 * its way. <pre class="code">
 * &#64;Service
 * public class QuoteService {
 *
 *     &#64;HotRestart
 *     public Quote quote(String sku, int quantity) {
 *         ...
 *     }
 *
 * }
 * </pre> The annotation works through a Spring AOP proxy, so, as with
 * {@code @Transactional}, a call from inside the same bean ({@code this.quote(...)}) is
 * not intercepted.
 * <p>
 * Exceptions listed in {@link #neverPark()} propagate at once, as do the types listed in
 * {@code hot-restart.never-park}. On a type and on one of its methods, both lists apply.
 *
 * @author hot-restart authors
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface HotRestart {

	/**
	 * Exception types that never park when the annotated method (or, on a type, any of
	 * its advised methods) throws them, matched with {@link Class#isInstance}: they
	 * propagate at once, as without hot restart. Use it for failures that are part of the
	 * method's contract, such as a validation exception the caller handles.
	 * @return the exception types that propagate at once
	 */
	Class<? extends Throwable>[] neverPark() default {};

}

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

package dev.hotrestart.apps.reactive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small WebFlux application, launched by the sample's integration tests as a JVM of its
 * own without the servlet stack: quotes computed in a {@code Mono} with the sample's
 * discount bug, and a blocking product lookup that the controller calls on the event
 * loop.
 */
@SpringBootApplication
public class ReactiveQuoteApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReactiveQuoteApplication.class, args);
	}

}

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

package dev.hotrestart.aop;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hotrestart.HotRestart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnreachableAnnotations}.
 */
class UnreachableAnnotationsTests {

	private static final String PREFIX = "@HotRestart on " + UnreachableAnnotationsTests.class.getName() + "$";

	@Test
	void annotationsAProxyReachesAreNotReported() {
		assertThat(UnreachableAnnotations.find(List.of(Reachable.class, Plain.class), List.of())).isEmpty();
	}

	@Test
	void annotationOnAnInterfaceIsReachableThroughAnyBeanThatIsNotFinal() {
		assertThat(UnreachableAnnotations.find(List.of(OpenService.class), List.of())).isEmpty();
	}

	@Test
	void annotationOnAnInterfaceWhoseOnlyBeanIsFinalIsReported() {
		assertThat(UnreachableAnnotations.find(List.of(FinalService.class), List.of()))
			.containsExactly(PREFIX + "Service.run() has no effect: FinalService is final, so no class-based proxy "
					+ "can be made. A class-based proxy is a subclass: make the class non-final (move the method out "
					+ "of a record).");
	}

	@Test
	void annotationOnASuperclassIsCheckedWhereItIsDeclared() {
		assertThat(UnreachableAnnotations.find(List.of(Subclass.class), List.of()))
			.containsExactly(PREFIX + "Base.validate(String) has no effect: the method is final. A proxy only "
					+ "intercepts methods it can override: make it public, protected or package-private, neither "
					+ "static nor final, and call it from another bean.");
	}

	@Test
	void everyReasonOfOneMethodIsInItsOneLine() {
		assertThat(UnreachableAnnotations.find(List.of(), List.of(PrivateAndNotABean.class)))
			.containsExactly(PREFIX + "PrivateAndNotABean.run() has no effect: no bean is a PrivateAndNotABean; the "
					+ "method is private. Declare it as a bean (@Component, or a @Bean method) and have it injected "
					+ "where it is used: an object made with new is never proxied. A proxy only intercepts methods "
					+ "it can override: make it public, protected or package-private, neither static nor final, and "
					+ "call it from another bean.");
	}

	@Test
	void typeThatABeanHasIsNotReportedWhenFoundAgainInThePackages() {
		assertThat(UnreachableAnnotations.find(List.of(Reachable.class), List.of(Reachable.class))).isEmpty();
	}

	static class Reachable {

		@HotRestart
		public void run() {
		}

		@HotRestart
		void packagePrivate() {
		}

		@HotRestart
		protected void inherited() {
		}

	}

	static class Plain {

		public void run() {
		}

	}

	interface Service {

		@HotRestart
		void run();

	}

	static class OpenService implements Service {

		@Override
		public void run() {
		}

	}

	static final class FinalService implements Service {

		@Override
		public void run() {
		}

	}

	abstract static class Base {

		@HotRestart
		public final void validate(String input) {
		}

	}

	static class Subclass extends Base {

	}

	static class PrivateAndNotABean {

		@HotRestart
		private void run() {
		}

	}

}

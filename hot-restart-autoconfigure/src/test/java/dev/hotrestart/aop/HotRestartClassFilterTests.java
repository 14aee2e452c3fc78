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

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import org.junit.jupiter.api.Test;

import dev.hotrestart.HotRestart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotRestartClassFilter}.
 */
class HotRestartClassFilterTests {

	private final HotRestartClassFilter filter = new HotRestartClassFilter();

	@Test
	void matchesClassesThatDeclareTheAnnotationOnTheTypeOrAMethod() {
		assertThat(this.filter.matches(AnnotatedType.class)).isTrue();
		assertThat(this.filter.matches(AnnotatedMethod.class)).isTrue();
	}

	@Test
	void matchesClassesThatInheritItFromASuperclassOrAnInterface() {
		assertThat(this.filter.matches(SubclassOfAnnotatedMethod.class)).isTrue();
		assertThat(this.filter.matches(ImplementsAnnotatedInterface.class)).isTrue();
	}

	@Test
	void matchesMetaAnnotatedMethods() {
		assertThat(this.filter.matches(MetaAnnotatedMethod.class)).isTrue();
	}

	@Test
	void rejectsClassesWithoutTheAnnotation() {
		assertThat(this.filter.matches(Plain.class)).isFalse();
		assertThat(this.filter.matches(String.class)).isFalse();
		assertThat(this.filter.matches(Object.class)).isFalse();
	}

	@Test
	void rejectsClassesNoClassBasedProxyCanBeMadeForThoughTheyCarryIt() {
		assertThat(this.filter.matches(FinalAnnotatedMethod.class)).isFalse();
		assertThat(this.filter.matches(AnnotatedRecord.class)).isFalse();
		assertThat(this.filter.canCarry(FinalAnnotatedMethod.class)).isTrue();
		assertThat(this.filter.canCarry(AnnotatedRecord.class)).isTrue();
	}

	static final class FinalAnnotatedMethod {

		@HotRestart
		void run() {
		}

	}

	record AnnotatedRecord(String name) {

		@HotRestart
		void run() {
		}

	}

	@HotRestart
	static class AnnotatedType {

	}

	static class AnnotatedMethod {

		@HotRestart
		void run() {
		}

	}

	static class SubclassOfAnnotatedMethod extends AnnotatedMethod {

	}

	interface AnnotatedInterface {

		@HotRestart
		void run();

	}

	static class ImplementsAnnotatedInterface implements AnnotatedInterface {

		@Override
		public void run() {
		}

	}

	@Retention(RetentionPolicy.RUNTIME)
	@HotRestart
	@interface Debuggable {

	}

	static class MetaAnnotatedMethod {

		@Debuggable
		void run() {
		}

	}

	static class Plain {

		void run() {
		}

	}

}

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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.ClassUtils;

/**
 * What an advised method's declared return type means for parking: a method that returns
 * a {@code Mono}, a {@code Flux}, a {@code Publisher} or a {@code CompletableFuture}
 * signals its failure later, through the returned value, and parks without holding a
 * thread; any other method fails by throwing, and parks its thread. Decided once per
 * return type. Reactor is optional: without it, only futures park without a thread.
 *
 * @author hot-restart authors
 */
enum ReturnKind {

	/**
	 * A plain value: the method fails by throwing, and the calling thread parks.
	 */
	BLOCKING,

	/**
	 * A {@code Mono}.
	 */
	MONO,

	/**
	 * A {@code Flux}, or a {@code Publisher} that is not known to be a {@code Mono}.
	 */
	FLUX,

	/**
	 * A {@code CompletableFuture} or {@code CompletionStage}, or a {@code Future} that
	 * turns out to be a {@code CompletableFuture}.
	 */
	FUTURE;

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Mono",
			ReturnKind.class.getClassLoader());

	private static final ClassValue<ReturnKind> KINDS = new ClassValue<>() {

		@Override
		protected ReturnKind computeValue(Class<?> type) {
			if (type == CompletableFuture.class || type == CompletionStage.class || type == Future.class) {
				return FUTURE;
			}
			return REACTOR_PRESENT ? ReactorTypes.kindOf(type) : BLOCKING;
		}

	};

	/**
	 * Return the kind of a declared return type.
	 * @param returnType the method's declared return type
	 * @return the kind
	 */
	static ReturnKind of(Class<?> returnType) {
		return KINDS.get(returnType);
	}

	/**
	 * Return the kind of value the method actually returned, which may be narrower than
	 * its declared type: a {@code Publisher} that is a {@code Mono}, a {@code Future}
	 * that is not a {@code CompletableFuture}.
	 * @param value the returned value, not {@code null}
	 * @return the kind to park the call as
	 */
	ReturnKind narrow(Object value) {
		return switch (this) {
			case FUTURE -> (value instanceof CompletionStage) ? FUTURE : BLOCKING;
			case FLUX -> ReactorTypes.isMono(value) ? MONO : FLUX;
			default -> this;
		};
	}

	/**
	 * Isolates the Reactor types so that this class loads without them.
	 */
	private static final class ReactorTypes {

		static ReturnKind kindOf(Class<?> type) {
			// A subclass of Mono or Flux is left alone: a wrapper could not be returned
			// as one
			if (type == Mono.class) {
				return MONO;
			}
			if (type == Flux.class || type == Publisher.class) {
				return FLUX;
			}
			return BLOCKING;
		}

		static boolean isMono(Object value) {
			return value instanceof Mono;
		}

	}

}

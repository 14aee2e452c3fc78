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

package dev.hotrestart.locals;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The frames each exception has left, in the order it left them (the frame that threw
 * first), tied to the exception object: an exception is a weak key, compared by identity,
 * so its frames go when it is collected, as if they were a field of it.
 * <p>
 * Bounded: at most {@code maxExceptions} exceptions at once (beyond that, new exceptions
 * are not recorded until older ones are collected) and {@code maxFrames} frames for each
 * (the deepest ones are kept, as a stack overflow unwinds thousands). Thread-safe.
 * <p>
 * An exception usually leaves several frames in a row on one thread: each thread
 * remembers the exception it recorded last (weakly), so that the frames after the first
 * cost no lookup.
 *
 * @author hot-restart authors
 */
final class CapturedFrames {

	/** The store instrumented code records into. */
	static final CapturedFrames INSTANCE = new CapturedFrames(4096, 256);

	private final Map<ExceptionKey, Frames> byException = new ConcurrentHashMap<>();

	private final ReferenceQueue<Throwable> collected = new ReferenceQueue<>();

	private final ThreadLocal<WeakReference<Frames>> lastOnThread = new ThreadLocal<>();

	private final int maxExceptions;

	private final int maxFrames;

	CapturedFrames(int maxExceptions, int maxFrames) {
		this.maxExceptions = maxExceptions;
		this.maxFrames = maxFrames;
	}

	/**
	 * Record that an exception left a frame.
	 * @param exception the exception
	 * @param frame the frame
	 */
	void add(Throwable exception, CapturedFrame frame) {
		WeakReference<Frames> last = this.lastOnThread.get();
		Frames frames = (last != null) ? last.get() : null;
		if (frames == null || !frames.isOf(exception)) {
			// One key both to look the exception up and, if it is new, to keep it
			ExceptionKey key = new ExceptionKey(exception, this.collected);
			frames = this.byException.get(key);
			if (frames == null) {
				expungeCollected();
				if (this.byException.size() >= this.maxExceptions) {
					return;
				}
				frames = this.byException.computeIfAbsent(key, Frames::new);
			}
			this.lastOnThread.set(new WeakReference<>(frames));
		}
		frames.add(frame, this.maxFrames);
	}

	/**
	 * Return the frames an exception has left.
	 * @param exception the exception
	 * @return the frames, the one that threw first; empty if none was recorded
	 */
	List<CapturedFrame> of(Throwable exception) {
		Frames frames = this.byException.get(new ExceptionKey(exception, null));
		return (frames != null) ? frames.snapshot() : List.of();
	}

	/**
	 * Return how many exceptions have frames recorded, after letting go of those that
	 * have been collected.
	 * @return the number of exceptions
	 */
	int size() {
		expungeCollected();
		return this.byException.size();
	}

	private void expungeCollected() {
		for (Reference<? extends Throwable> key = this.collected.poll(); key != null; key = this.collected.poll()) {
			this.byException.remove(key);
		}
	}

	/**
	 * A weak reference to an exception that is equal only to a reference to the same
	 * object, whatever the exception's own {@code equals}.
	 */
	private static final class ExceptionKey extends WeakReference<Throwable> {

		private final int hash;

		ExceptionKey(Throwable exception, @Nullable ReferenceQueue<Throwable> queue) {
			super(exception, queue);
			this.hash = System.identityHashCode(exception);
		}

		@Override
		public boolean equals(Object other) {
			if (this == other) {
				return true;
			}
			if (!(other instanceof ExceptionKey key)) {
				return false;
			}
			Throwable exception = get();
			return exception != null && exception == key.get();
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

	/**
	 * The frames of one exception.
	 */
	private static final class Frames {

		private final ExceptionKey exception;

		private final List<CapturedFrame> frames = new ArrayList<>(8);

		Frames(ExceptionKey exception) {
			this.exception = exception;
		}

		boolean isOf(Throwable exception) {
			return this.exception.get() == exception;
		}

		synchronized void add(CapturedFrame frame, int maxFrames) {
			if (this.frames.size() < maxFrames) {
				this.frames.add(frame);
			}
		}

		synchronized List<CapturedFrame> snapshot() {
			return List.copyOf(this.frames);
		}

	}

}

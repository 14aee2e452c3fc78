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

package dev.hotrestart.security;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import org.springframework.http.server.PathContainer;

/**
 * The paths the access rules guard ({@code /actuator/hotrestart}, {@code /hot-restart}
 * and everything below them), matched generously: a path is guarded when it names a
 * guarded path in any spelling a router might accept (percent-encoded, with path
 * parameters, empty or dot segments, another letter case). Guarding a path the router
 * then refuses costs nothing; missing one would let a request past the rules. Immutable
 * and thread-safe.
 *
 * @author hot-restart authors
 */
final class GuardedPaths {

	private final List<List<String>> guarded;

	/**
	 * Create the paths.
	 * @param paths the guarded paths, such as {@code /actuator/hotrestart}
	 */
	GuardedPaths(Collection<String> paths) {
		this.guarded = paths.stream().map(GuardedPaths::segments).filter((segments) -> !segments.isEmpty()).toList();
	}

	/**
	 * Return whether a request path is a guarded path or lies below one.
	 * @param path the path within the application
	 * @return {@code true} if the access rules apply
	 */
	boolean matches(PathContainer path) {
		Deque<String> segments = new ArrayDeque<>();
		for (PathContainer.Element element : path.elements()) {
			if (element instanceof PathContainer.PathSegment segment) {
				for (String part : segment.valueToMatch().split("/", -1)) {
					add(segments, part);
				}
			}
		}
		List<String> normalized = List.copyOf(segments);
		return this.guarded.stream()
			.anyMatch((prefix) -> normalized.size() >= prefix.size()
					&& normalized.subList(0, prefix.size()).equals(prefix));
	}

	private static List<String> segments(String path) {
		Deque<String> segments = new ArrayDeque<>();
		Arrays.stream(path.split("/")).forEach((part) -> add(segments, part));
		return List.copyOf(segments);
	}

	private static void add(Deque<String> segments, String part) {
		String name = part.trim().toLowerCase(Locale.ROOT);
		if (name.isEmpty() || name.equals(".")) {
			return;
		}
		if (name.equals("..")) {
			segments.pollLast();
			return;
		}
		segments.addLast(name);
	}

}

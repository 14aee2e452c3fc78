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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Turns the variables that hold a value at each instruction of a method into a
 * {@link MethodPlan}: consecutive instructions with the same variables form a range, each
 * distinct set of variables gets one handler, and a handler continues in the code of the
 * largest handler whose variables it includes.
 *
 * @author hot-restart authors
 */
final class HandlerPlanner {

	/**
	 * More added code than this (in bytes, estimated) leaves a method as it is: the JVM
	 * limits a method to 64 KiB, and the larger a method the less the JIT inlines it.
	 */
	static final int MAX_ADDED_BYTES = 8 * 1024;

	private static final int BYTES_PER_HANDLER = 16;

	private static final int BYTES_PER_VARIABLE = 8;

	private HandlerPlanner() {
	}

	/**
	 * Plan the handlers of a method.
	 * @param className the binary name of the class
	 * @param methodName the method's name
	 * @param descriptor the method's descriptor
	 * @param maxLocals the method's local variable slots
	 * @param variables the variables, indexed as in {@code sets}
	 * @param sets for each instruction from {@code first} on, the indexes of the
	 * variables that hold a value there, ascending by slot
	 * @param first the first instruction whose exceptions are recorded
	 * @return the plan, or {@code null} if it would add too much code
	 */
	static @Nullable MethodPlan plan(String className, String methodName, String descriptor, int maxLocals,
			List<MethodPlan.Variable> variables, int[][] sets, int first) {
		List<int[]> distinct = new ArrayList<>();
		List<MethodPlan.Range> ranges = new ArrayList<>();
		int start = first;
		for (int i = first + 1; i <= sets.length; i++) {
			if (i == sets.length || !Arrays.equals(sets[i], sets[start])) {
				ranges.add(new MethodPlan.Range(start, i, handlerOf(sets[start], distinct)));
				start = i;
			}
		}
		List<MethodPlan.Handler> handlers = new ArrayList<>();
		int addedBytes = 0;
		for (int[] set : distinct) {
			int parent = parentOf(set, distinct);
			int[] own = (parent < 0) ? set : without(set, distinct.get(parent));
			handlers.add(new MethodPlan.Handler(set, own, parent, key(className, methodName, variables, set)));
			addedBytes += BYTES_PER_HANDLER + BYTES_PER_VARIABLE * own.length;
		}
		if (addedBytes > MAX_ADDED_BYTES) {
			return null;
		}
		return new MethodPlan(methodName, descriptor, maxLocals, List.copyOf(variables), List.copyOf(ranges),
				List.copyOf(handlers));
	}

	private static int handlerOf(int[] set, List<int[]> distinct) {
		for (int i = 0; i < distinct.size(); i++) {
			if (Arrays.equals(distinct.get(i), set)) {
				return i;
			}
		}
		distinct.add(set);
		return distinct.size() - 1;
	}

	private static int parentOf(int[] set, List<int[]> distinct) {
		int parent = -1;
		for (int i = 0; i < distinct.size(); i++) {
			int[] candidate = distinct.get(i);
			if (candidate.length > 0 && candidate.length < set.length && containsAll(set, candidate)
					&& (parent < 0 || candidate.length > distinct.get(parent).length)) {
				parent = i;
			}
		}
		return parent;
	}

	private static boolean containsAll(int[] set, int[] subset) {
		for (int variable : subset) {
			if (!contains(set, variable)) {
				return false;
			}
		}
		return true;
	}

	private static boolean contains(int[] set, int variable) {
		for (int candidate : set) {
			if (candidate == variable) {
				return true;
			}
		}
		return false;
	}

	private static int[] without(int[] set, int[] removed) {
		return Arrays.stream(set).filter((variable) -> !contains(removed, variable)).toArray();
	}

	private static String key(String className, String methodName, List<MethodPlan.Variable> variables, int[] set) {
		List<String> names = new ArrayList<>(set.length);
		int[] indexes = new int[set.length];
		for (int i = 0; i < set.length; i++) {
			names.add(variables.get(set[i]).name());
			indexes[i] = set[i];
		}
		return new FrameKey(className, methodName, names, indexes).format();
	}

}

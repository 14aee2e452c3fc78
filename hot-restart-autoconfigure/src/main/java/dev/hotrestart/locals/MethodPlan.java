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

import java.util.List;

/**
 * What to add to one method so that its local variables are recorded when an exception
 * leaves it: the ranges of its instructions, each with the handler that records the
 * variables holding a value throughout that range.
 * <p>
 * The handlers fill one array per exception, indexed by {@link #variables()}. A handler
 * whose variables include all those of another one (its parent) stores only the variables
 * the parent does not have, then continues in the parent's code, which keeps the added
 * code small.
 *
 * @param name the method's name
 * @param descriptor the method's descriptor
 * @param exceptionSlot a local variable slot the method does not use, for the exception
 * while it is recorded
 * @param variables every variable any handler records
 * @param ranges consecutive ranges of instructions (by index), in code order
 * @param handlers one per distinct set of variables
 * @author hot-restart authors
 */
record MethodPlan(String name, String descriptor, int exceptionSlot, List<Variable> variables, List<Range> ranges,
		List<Handler> handlers) {

	/**
	 * A variable that holds a value over some instructions.
	 *
	 * @param slot its local variable slot
	 * @param kind its {@link SlotKind}
	 * @param name its name from the local variable table, or a positional name
	 * @param descriptor its declared type, or the one its kind implies
	 */
	record Variable(int slot, byte kind, String name, String descriptor) {

	}

	/**
	 * Instructions {@code start} (inclusive) to {@code end} (exclusive) whose exceptions
	 * a handler records.
	 *
	 * @param start the index of the first instruction
	 * @param end the index after the last instruction
	 * @param handler the index of the handler in {@link MethodPlan#handlers()}
	 */
	record Range(int start, int end, int handler) {

	}

	/**
	 * The code that records one set of variables.
	 *
	 * @param variables the indexes of the variables in {@link MethodPlan#variables()},
	 * ascending by slot
	 * @param own the variables this handler stores itself (those its parent does not)
	 * @param parent the index of the handler whose code stores the rest, or {@code -1}
	 * @param key what the recorded frame is: class, method and variable names, as
	 * {@link CapturedFrame} reads it
	 */
	record Handler(int[] variables, int[] own, int parent, String key) {

	}

}

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

package dev.hotrestart.benchmarks;

/**
 * Ten application frames deep: the tenth throws, and the exception crosses all ten on its
 * way to the caller. Each frame has a parameter and two variables of its own.
 */
public class CallChain implements Chain {

	@Override
	public int call(String label, boolean withStackTrace) {
		int depth = 1;
		String tag = label + depth;
		return frame2(tag, depth, withStackTrace) + 1;
	}

	int frame2(String label, int depth, boolean withStackTrace) {
		int next = depth + 1;
		return frame3(label, next, withStackTrace) + 1;
	}

	int frame3(String label, int depth, boolean withStackTrace) {
		int next = depth + 1;
		return frame4(label, next, withStackTrace) + 1;
	}

	int frame4(String label, int depth, boolean withStackTrace) {
		int next = depth + 1;
		return frame5(label, next, withStackTrace) + 1;
	}

	int frame5(String label, int depth, boolean withStackTrace) {
		int next = depth + 1;
		return frame6(label, next, withStackTrace) + 1;
	}

	int frame6(String label, int depth, boolean withStackTrace) {
		int next = depth + 1;
		return frame7(label, next, withStackTrace) + 1;
	}

	int frame7(String label, int depth, boolean withStackTrace) {
		int next = depth + 1;
		return frame8(label, next, withStackTrace) + 1;
	}

	int frame8(String label, int depth, boolean withStackTrace) {
		int next = depth + 1;
		return frame9(label, next, withStackTrace) + 1;
	}

	int frame9(String label, int depth, boolean withStackTrace) {
		int next = depth + 1;
		return frame10(label, next, withStackTrace) + 1;
	}

	int frame10(String label, int depth, boolean withStackTrace) {
		int next = depth + 1;
		throw withStackTrace ? new IllegalStateException(label) : new StacklessFailure(label);
	}

}

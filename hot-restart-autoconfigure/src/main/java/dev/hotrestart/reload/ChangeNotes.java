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

package dev.hotrestart.reload;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the refusals and warnings about one changed class while it is compared with
 * its loaded version. Not thread-safe; one per comparison.
 *
 * @author hot-restart authors
 */
final class ChangeNotes {

	private final String className;

	private final List<ReloadNote> refusals = new ArrayList<>();

	private final List<ReloadNote> warnings = new ArrayList<>();

	ChangeNotes(String className) {
		this.className = className;
	}

	void refuse(String member, String cause) {
		this.refusals.add(new ReloadNote(this.className, member, cause));
	}

	void warn(String member, String cause) {
		this.warnings.add(new ReloadNote(this.className, member, cause));
	}

	List<ReloadNote> refusals() {
		return List.copyOf(this.refusals);
	}

	List<ReloadNote> warnings() {
		return List.copyOf(this.warnings);
	}

}

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

package dev.hotrestart.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The pristine copies of the classes with deliberate bugs must be what is committed in
 * {@code src/main/java}: whoever changes one of these classes changes its copy too. Only
 * a clean checkout can tell (after the README's walkthrough the working copy differs on
 * purpose), so the check runs wherever the sources are unedited and always under CI.
 */
class PristineSourcesTests {

	@Test
	void pristineCopiesAreTheCommittedSources() throws IOException {
		List<String> differing = new ArrayList<>();
		for (String className : PristineSources.CLASSES) {
			Path source = Path.of("src", "main", "java", className.replace('.', '/') + ".java");
			if (!Files.readString(source).equals(PristineSources.source(className))) {
				differing.add(source.toString());
			}
		}
		if (!differing.isEmpty() && !"true".equalsIgnoreCase(System.getenv("CI"))) {
			String reason = differing + " differ from their copies in src/test/resources/pristine: edited in this "
					+ "working copy (the walkthrough fixes them), so only a clean checkout or CI=true compares them";
			System.err.println("Skipping PristineSourcesTests: " + reason);
			abort(reason);
		}
		assertThat(differing).as("sources that differ from their copies in src/test/resources/pristine").isEmpty();
	}

}

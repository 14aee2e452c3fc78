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
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import dev.hotrestart.HotRestart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE completes {@code hot-restart.*} properties from, read
 * from the hot-restart-autoconfigure jar this sample gets through the starter (its class
 * directory when the build stops before packaging). javac 23 and later run only the
 * annotation processors they are given explicitly, so this fails on such a JDK when the
 * build declares the processor only as a dependency.
 */
class ConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	@Test
	void theAutoconfigureArtifactDescribesEveryHotRestartProperty() throws Exception {
		Path artifact = Path.of(HotRestart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		String metadata = read(artifact);

		List<String> names = JsonPath.read(metadata, "$.properties[*].name");
		assertThat(names).as("properties in %s of %s", METADATA, artifact)
			.contains("hot-restart.enabled", "hot-restart.advice-order", "hot-restart.max-parked",
					"hot-restart.park-timeout", "hot-restart.continue-wait", "hot-restart.release-wait",
					"hot-restart.reload-on-continue", "hot-restart.auto-continue", "hot-restart.never-park",
					"hot-restart.park-http-errors", "hot-restart.park-in-caller-transaction",
					"hot-restart.remote.secret");
		List<Map<String, Object>> properties = JsonPath.read(metadata, "$.properties[?(@.name =~ /hot-restart\\..*/)]");
		assertThat(properties).allSatisfy((property) -> assertThat(property.get("description"))
			.as("description of %s, from its field's Javadoc", property.get("name"))
			.asString()
			.isNotBlank());
		assertThat(JsonPath.<List<Object>>read(metadata,
				"$.properties[?(@.name == 'hot-restart.max-parked')].defaultValue"))
			.containsExactly(10);
	}

	private static String read(Path artifact) throws IOException, URISyntaxException {
		if (Files.isDirectory(artifact)) {
			Path file = artifact.resolve(METADATA);
			assertThat(file).as("metadata in the class directory %s", artifact).isRegularFile();
			return Files.readString(file);
		}
		try (JarFile jar = new JarFile(artifact.toFile())) {
			ZipEntry entry = jar.getEntry(METADATA);
			assertThat(entry).as("%s in %s", METADATA, artifact).isNotNull();
			try (InputStream stream = jar.getInputStream(entry)) {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
	}

}

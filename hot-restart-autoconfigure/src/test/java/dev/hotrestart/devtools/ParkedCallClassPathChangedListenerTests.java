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

package dev.hotrestart.devtools;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.devtools.classpath.ClassPathChangedEvent;
import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.boot.devtools.filewatch.ChangedFiles;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.testsupport.LogLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ParkedCallClassPathChangedListener}: DevTools reports one Maven build
 * twice (the deletes, then the rewrites), usually after hot restart has applied it.
 */
@Timeout(120)
@ExtendWith(OutputCaptureExtension.class)
@LogLevel(loggers = "dev.hotrestart", level = "INFO")
class ParkedCallClassPathChangedListenerTests {

	private static final long LONG_AGO = 1_000_000_000_000L;

	private static final String NOT_RESTARTING = "Not restarting for";

	@TempDir
	Path classes;

	private final ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(30));

	private ClassFileBaseline baseline;

	private ParkedCallClassPathChangedListener listener;

	@BeforeEach
	void createListener() throws IOException {
		write("com/example/Service.class", "v1", LONG_AGO);
		this.baseline = new ClassFileBaseline(List.of(this.classes), Long.MAX_VALUE);
		this.baseline.record();
		this.listener = new ParkedCallClassPathChangedListener(this.parkingLot, this.baseline);
		this.parkingLot.park(new CallSite("com.example.Service", "Service.run()", List.of(), "worker", null),
				new IllegalStateException("boom"));
	}

	@Test
	void theDeletesOfABuildSayNothing(CapturedOutput output) {
		this.listener.onApplicationEvent(event(ChangedFile.Type.DELETE));
		assertThat(output).doesNotContain(NOT_RESTARTING);
	}

	@Test
	void rewritesThatAreInEffectAlreadySayNothing(CapturedOutput output) throws IOException {
		write("com/example/Service.class", "v1", LONG_AGO + 60_000);
		this.listener.onApplicationEvent(event(ChangedFile.Type.MODIFY));
		assertThat(output).doesNotContain(NOT_RESTARTING);
	}

	@Test
	void aChangeNotInEffectYetIsToldOnce(CapturedOutput output) throws IOException {
		write("com/example/Service.class", "v2", LONG_AGO + 60_000);
		this.listener.onApplicationEvent(event(ChangedFile.Type.MODIFY));
		assertThat(output).containsOnlyOnce(NOT_RESTARTING + " 1 changed class file(s): 1 call(s) are parked");
	}

	@Test
	void nothingIsSaidWithoutParkedCalls(CapturedOutput output) throws IOException {
		ParkedCallClassPathChangedListener withNothingParked = new ParkedCallClassPathChangedListener(
				new ParkingLot(10, Duration.ofMinutes(30)), this.baseline);
		write("com/example/Service.class", "v2", LONG_AGO + 60_000);
		withNothingParked.onApplicationEvent(event(ChangedFile.Type.MODIFY));
		assertThat(output).doesNotContain(NOT_RESTARTING);
	}

	private ClassPathChangedEvent event(ChangedFile.Type type) {
		File directory = this.classes.toFile();
		ChangedFile file = new ChangedFile(directory, this.classes.resolve("com/example/Service.class").toFile(), type);
		return new ClassPathChangedEvent(this, Set.of(new ChangedFiles(directory, Set.of(file))), false);
	}

	private void write(String relativeName, String content, long lastModified) throws IOException {
		Path file = this.classes.resolve(relativeName);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
		Files.setLastModifiedTime(file, FileTime.fromMillis(lastModified));
	}

}

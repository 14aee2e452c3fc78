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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassFileBaseline}.
 */
class ClassFileBaselineTests {

	private static final long LONG_AGO = 1_000_000_000_000L;

	@TempDir
	Path classes;

	private Path service;

	private int rewrites;

	@BeforeEach
	void writeClassFiles() throws IOException {
		this.service = write("com/example/Service.class", "service v1");
		write("com/example/Service$Inner.class", "inner v1");
		write("com/example/package-info.class", "package info");
	}

	@Test
	void nothingChangedRightAfterRecording() {
		ClassFileBaseline baseline = recordedBaseline();
		assertThat(baseline.changes()).isEmpty();
	}

	@Test
	void changedContentIsReportedWithItsBytesAndBinaryName() throws IOException {
		ClassFileBaseline baseline = recordedBaseline();
		rewrite(this.service, "service v2");
		List<ChangedClassFile> changes = baseline.changes();
		assertThat(changes).singleElement().satisfies((change) -> {
			assertThat(change.className()).isEqualTo("com.example.Service");
			assertThat(new String(change.bytes())).isEqualTo("service v2");
			assertThat(change.file()).isEqualTo(this.service);
		});
	}

	@Test
	void rewriteWithIdenticalContentIsNotAChange() throws IOException {
		ClassFileBaseline baseline = recordedBaseline();
		rewrite(this.service, "service v1");
		assertThat(baseline.changes()).isEmpty();
	}

	@Test
	void nestedAndNewClassesAreReportedAndDeletedOnesIgnored() throws IOException {
		ClassFileBaseline baseline = recordedBaseline();
		rewrite(this.classes.resolve("com/example/Service$Inner.class"), "inner v2");
		write("com/example/Added.class", "added");
		Files.delete(this.service);
		assertThat(baseline.changes()).extracting(ChangedClassFile::className)
			.containsExactlyInAnyOrder("com.example.Service$Inner", "com.example.Added");
	}

	@Test
	void acceptedChangesBecomeTheBaseline() throws IOException {
		ClassFileBaseline baseline = recordedBaseline();
		rewrite(this.service, "service v2");
		baseline.accept(baseline.changes());
		assertThat(baseline.changes()).isEmpty();
		rewrite(this.service, "service v1");
		assertThat(baseline.changes()).extracting(ChangedClassFile::className).containsExactly("com.example.Service");
	}

	@Test
	void fileModifiedAfterLoadingBeganCountsAsChangedUntilAccepted() {
		long afterTheFilesWereWritten = 0;
		ClassFileBaseline baseline = new ClassFileBaseline(List.of(this.classes), afterTheFilesWereWritten);
		baseline.record();
		List<ChangedClassFile> changes = baseline.changes();
		assertThat(changes).extracting(ChangedClassFile::className)
			.containsExactlyInAnyOrder("com.example.Service", "com.example.Service$Inner");
		baseline.accept(changes);
		assertThat(baseline.changes()).isEmpty();
	}

	@Test
	void classFileIsCurrentUntilItChangesAndAgainOnceAccepted() throws IOException {
		ClassFileBaseline baseline = recordedBaseline();
		assertThat(baseline.isCurrent(this.service)).isTrue();
		rewrite(this.service, "service v1");
		assertThat(baseline.isCurrent(this.service)).as("same content, new time stamp").isTrue();
		rewrite(this.service, "service v2");
		assertThat(baseline.isCurrent(this.service)).isFalse();
		baseline.accept(baseline.changes());
		assertThat(baseline.isCurrent(this.service)).isTrue();
	}

	@Test
	void newOrUnknownClassFileIsNotCurrent() throws IOException {
		ClassFileBaseline baseline = recordedBaseline();
		Path added = write("com/example/Added.class", "added");
		assertThat(baseline.isCurrent(added)).isFalse();
		ClassFileBaseline loadedBeforeTheFilesWereWritten = new ClassFileBaseline(List.of(this.classes), 0);
		assertThat(loadedBeforeTheFilesWereWritten.isCurrent(this.service)).isFalse();
	}

	private ClassFileBaseline recordedBaseline() {
		ClassFileBaseline baseline = new ClassFileBaseline(List.of(this.classes), Long.MAX_VALUE);
		baseline.record();
		return baseline;
	}

	private Path write(String relative, String content) throws IOException {
		Path file = this.classes.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
		Files.setLastModifiedTime(file, FileTime.fromMillis(LONG_AGO));
		return file;
	}

	private void rewrite(Path file, String content) throws IOException {
		Files.writeString(file, content);
		this.rewrites++;
		Files.setLastModifiedTime(file, FileTime.fromMillis(LONG_AGO + this.rewrites * 60_000L));
	}

}

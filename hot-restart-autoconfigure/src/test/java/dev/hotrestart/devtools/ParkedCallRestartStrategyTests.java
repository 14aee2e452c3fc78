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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.devtools.classpath.ClassPathRestartStrategy;
import org.springframework.boot.devtools.classpath.PatternClassPathRestartStrategy;
import org.springframework.boot.devtools.filewatch.ChangedFile;

import dev.hotrestart.park.CallSite;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassFileBaseline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ParkedCallRestartStrategy} and
 * {@link ParkedCallRestartStrategyPostProcessor}.
 */
@Timeout(120)
class ParkedCallRestartStrategyTests {

	private static final long LONG_AGO = 1_000_000_000_000L;

	@TempDir
	Path classes;

	private final ParkingLot parkingLot = new ParkingLot(10, Duration.ofMinutes(30));

	private ClassFileBaseline baseline;

	private ClassPathRestartStrategy strategy;

	private Path serviceClass;

	@BeforeEach
	void createStrategy() throws IOException {
		this.serviceClass = write("com/example/Service.class", "v1", LONG_AGO);
		write("application.properties", "a=1", LONG_AGO);
		this.baseline = new ClassFileBaseline(List.of(this.classes), Long.MAX_VALUE);
		this.baseline.record();
		this.strategy = new ParkedCallRestartStrategy(new PatternClassPathRestartStrategy("static/**"),
				() -> this.parkingLot, () -> this.baseline);
	}

	@Test
	void changedClassRestartsWhenNothingIsParked() throws IOException {
		write("com/example/Service.class", "v2", LONG_AGO + 60_000);
		assertThat(this.strategy.isRestartRequired(modified("com/example/Service.class"))).isTrue();
	}

	@Test
	void changedClassIsKeptForContinueWhileACallIsParked() throws IOException {
		park();
		write("com/example/Service.class", "v2", LONG_AGO + 60_000);
		assertThat(this.strategy.isRestartRequired(modified("com/example/Service.class"))).isFalse();
		assertThat(this.strategy.isRestartRequired(changed("com/example/Added.class", ChangedFile.Type.ADD))).isFalse();
		assertThat(this.strategy.isRestartRequired(modified("application.properties")))
			.as("not a class file: restarts as always")
			.isTrue();
	}

	@Test
	void classWhoseContentIsAlreadyInEffectDoesNotRestart() throws IOException {
		write("com/example/Service.class", "v2", LONG_AGO + 60_000);
		this.baseline.accept(this.baseline.changes());
		assertThat(this.strategy.isRestartRequired(modified("com/example/Service.class")))
			.as("reloaded by a continue already")
			.isFalse();
		assertThat(this.strategy.isRestartRequired(changed("com/example/Service.class", ChangedFile.Type.DELETE)))
			.isTrue();
	}

	@Test
	void whatTheDelegateExcludesNeverRestarts() {
		assertThat(this.strategy.isRestartRequired(modified("static/app.js"))).isFalse();
	}

	@Test
	void postProcessorWrapsEveryRestartStrategyOnce() {
		ParkedCallRestartStrategyPostProcessor postProcessor = new ParkedCallRestartStrategyPostProcessor(
				() -> this.parkingLot, () -> this.baseline);
		ClassPathRestartStrategy users = (file) -> true;
		Object wrapped = postProcessor.postProcessAfterInitialization(users, "classPathRestartStrategy");
		assertThat(wrapped).isInstanceOfSatisfying(ParkedCallRestartStrategy.class,
				(strategy) -> assertThat(strategy.getDelegate()).isSameAs(users));
		assertThat(postProcessor.postProcessAfterInitialization(wrapped, "again")).isSameAs(wrapped);
		Object other = new Object();
		assertThat(postProcessor.postProcessAfterInitialization(other, "other")).isSameAs(other);
	}

	private void park() {
		assertThat(this.parkingLot.park(new CallSite("com.example.Service", "Service.run()", List.of(), "main", null),
				new IllegalStateException("boom")))
			.isNotNull();
	}

	private ChangedFile modified(String relative) {
		return changed(relative, ChangedFile.Type.MODIFY);
	}

	private ChangedFile changed(String relative, ChangedFile.Type type) {
		File directory = this.classes.toFile();
		return new ChangedFile(directory, new File(directory, relative), type);
	}

	private Path write(String relative, String content, long lastModified) throws IOException {
		Path file = this.classes.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
		Files.setLastModifiedTime(file, FileTime.fromMillis(lastModified));
		return file;
	}

}

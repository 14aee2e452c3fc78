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

package dev.hotrestart.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.hotrestart.reload.SourceRoot;

/**
 * The content of the application's source files as the running classes were compiled from
 * them, so that a continue compiles only the sources saved since. Recorded once, in the
 * background after start-up: a source saved since the classes began to be loaded counts
 * as changed, as its content then is not known to match them.
 * <p>
 * Thread-safe; recording and comparing hold the instance's monitor.
 *
 * @author hot-restart authors
 */
public class SourceBaseline {

	private final Supplier<List<SourceRoot>> roots;

	private final LongSupplier loadedSince;

	private final Map<Path, SourceFingerprint> fingerprints = new HashMap<>();

	private boolean recorded;

	/**
	 * Create a baseline of the given source directories.
	 * @param roots supplies the source directories, asked on first use rather than at
	 * start-up
	 * @param loadedSince supplies the epoch milliseconds since which classes may have
	 * been loaded, usually the JVM start time
	 */
	public SourceBaseline(Supplier<List<SourceRoot>> roots, LongSupplier loadedSince) {
		this.roots = roots;
		this.loadedSince = loadedSince;
	}

	/**
	 * Return the source directories this baseline covers.
	 * @return the source directories
	 */
	public List<SourceRoot> getRoots() {
		return this.roots.get();
	}

	/**
	 * Record the baseline, unless it has been recorded already.
	 */
	public synchronized void record() {
		if (this.recorded) {
			return;
		}
		long loadedSince = this.loadedSince.getAsLong();
		SourceFileWalker.walk(getRoots(), (root, file, language, attributes) -> {
			if (attributes.lastModifiedTime().toMillis() >= loadedSince) {
				this.fingerprints.put(file, SourceFingerprint.unknown(attributes));
			}
			else {
				byte[] content = read(file);
				if (content != null) {
					this.fingerprints.put(file, SourceFingerprint.of(attributes, content));
				}
			}
		});
		this.recorded = true;
	}

	/**
	 * Return the source files whose content differs from the baseline, including new
	 * ones. Deleted files are ignored: their classes stay loaded.
	 * @return the changed source files with their content as read now
	 */
	public synchronized List<ChangedSource> changes() {
		record();
		List<ChangedSource> changes = new ArrayList<>();
		SourceFileWalker.walk(getRoots(), (root, file, language, attributes) -> {
			SourceFingerprint known = this.fingerprints.get(file);
			if (known != null && known.contentKnown() && known.hasSameStamp(attributes)) {
				return;
			}
			byte[] content = read(file);
			if (content == null) {
				return;
			}
			SourceFingerprint current = SourceFingerprint.of(attributes, content);
			if (known != null && known.hasSameContent(current)) {
				this.fingerprints.put(file, current);
				return;
			}
			changes.add(new ChangedSource(file, root, language, current));
		});
		return changes;
	}

	/**
	 * Make the given sources part of the baseline, once the running classes are compiled
	 * from them (by hot restart, or by a build that wrote their class files).
	 * @param sources the sources now compiled
	 */
	public synchronized void accept(Collection<ChangedSource> sources) {
		sources.forEach((source) -> this.fingerprints.put(source.file(), source.fingerprint()));
	}

	private static byte @Nullable [] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			// Deleted between listing and reading, as editors do when they save: the
			// next look finds the new file
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read source file " + file, ex);
		}
	}

}

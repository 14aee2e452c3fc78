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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Remembers the class files of the application's class directories as the JVM loaded
 * them, and tells which ones changed since.
 * <p>
 * The baseline is recorded once, ideally in the background soon after start-up: files
 * modified after the JVM started may already differ from what was loaded, so they count
 * as changed until they are reloaded (a needless redefinition of identical bytes is
 * harmless; a missed change is not). Unchanged time stamp and size mean unchanged
 * content; otherwise the content hash decides, so an IDE that rewrites identical files
 * causes no redefinition.
 * <p>
 * For each file whose loaded content is known it also keeps its {@link ClassShape} (names
 * and descriptors, not the bytes), so that a change can be compared with what the JVM
 * loaded and a refusal explained member by member.
 * <p>
 * Thread-safe: all methods are serialised, so a {@link #changes()} issued while the
 * baseline is still being recorded waits for it.
 *
 * @author hot-restart authors
 */
public class ClassFileBaseline {

	private final List<Path> directories;

	private final LongSupplier loadedSince;

	private final Map<Path, ClassFileFingerprint> fingerprints = new HashMap<>();

	private final Map<Path, ClassShape> shapes = new HashMap<>();

	private boolean recorded;

	/**
	 * Create a baseline of the given directories.
	 * @param directories the class directories
	 * @param loadedSince epoch milliseconds since which classes may have been loaded,
	 * usually the JVM start time
	 */
	public ClassFileBaseline(List<Path> directories, long loadedSince) {
		this(directories, () -> loadedSince);
	}

	/**
	 * Create a baseline of the given directories, asking when classes began to be loaded
	 * only when the baseline is recorded (in the background, rather than at start-up).
	 * @param directories the class directories
	 * @param loadedSince supplies the epoch milliseconds since which classes may have
	 * been loaded, usually the JVM start time
	 */
	public ClassFileBaseline(List<Path> directories, LongSupplier loadedSince) {
		this.directories = List.copyOf(directories);
		this.loadedSince = loadedSince;
	}

	/**
	 * Return the directories this baseline covers.
	 * @return the class directories
	 */
	public List<Path> getDirectories() {
		return this.directories;
	}

	/**
	 * Record the baseline, unless it has been recorded already.
	 */
	public synchronized void record() {
		if (this.recorded) {
			return;
		}
		long loadedSince = this.loadedSince.getAsLong();
		visitClassFiles((file, attributes) -> {
			if (attributes.lastModifiedTime().toMillis() >= loadedSince) {
				this.fingerprints.put(file, ClassFileFingerprint.unknown(attributes));
			}
			else {
				byte[] content = read(file);
				if (content != null) {
					this.fingerprints.put(file, ClassFileFingerprint.of(attributes, content));
					rememberShape(file, content);
				}
			}
		});
		this.recorded = true;
	}

	/**
	 * Return the class files whose content differs from the baseline, including new ones.
	 * Deleted files are ignored: a loaded class cannot be unloaded.
	 * @return the changed class files with their new content
	 */
	public synchronized List<ChangedClassFile> changes() {
		record();
		List<ChangedClassFile> changes = new ArrayList<>();
		visitClassFiles((file, attributes) -> {
			ClassFileFingerprint known = this.fingerprints.get(file);
			if (known != null && known.contentKnown() && known.hasSameStamp(attributes)) {
				return;
			}
			byte[] content = read(file);
			if (content == null) {
				return;
			}
			if (known != null && known.hasSameContent(content)) {
				this.fingerprints.put(file, ClassFileFingerprint.of(attributes, content));
				return;
			}
			changes.add(new ChangedClassFile(className(file), file, content,
					ClassFileFingerprint.of(attributes, content), this.shapes.get(file)));
		});
		return changes;
	}

	/**
	 * Make the given files part of the baseline, after they have been reloaded (or found
	 * not loaded, so that the JVM will load them as they are).
	 * @param files the files now in effect
	 */
	public synchronized void accept(Collection<ChangedClassFile> files) {
		for (ChangedClassFile file : files) {
			this.fingerprints.put(file.file(), file.fingerprint());
			rememberShape(file.file(), file.bytes());
		}
	}

	private void rememberShape(Path file, byte[] content) {
		try {
			this.shapes.put(file, ClassShapeReader.shape(content));
		}
		catch (RuntimeException ex) {
			// Not a readable class file: a change to it cannot be explained in detail
			this.shapes.remove(file);
		}
	}

	/**
	 * Return whether a class file's content is the one in effect: unchanged since it was
	 * loaded, or already reloaded. A file the baseline does not know (new, or outside the
	 * class directories) is not.
	 * @param file the class file
	 * @return {@code true} if reloading it would change nothing
	 */
	public synchronized boolean isCurrent(Path file) {
		record();
		Path normalized = file.toAbsolutePath().normalize();
		ClassFileFingerprint known = this.fingerprints.get(file);
		if (known == null) {
			known = this.fingerprints.get(normalized);
			file = normalized;
		}
		if (known == null || !known.contentKnown()) {
			return false;
		}
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			if (known.hasSameStamp(attributes)) {
				return true;
			}
			byte[] content = read(file);
			if (content == null || !known.hasSameContent(content)) {
				return false;
			}
			this.fingerprints.put(file, ClassFileFingerprint.of(attributes, content));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private String className(Path file) {
		for (Path directory : this.directories) {
			if (file.startsWith(directory)) {
				String relative = directory.relativize(file)
					.toString()
					.replace(file.getFileSystem().getSeparator(), ".");
				return relative.substring(0, relative.length() - ClassFileWalker.CLASS_SUFFIX.length());
			}
		}
		throw new IllegalStateException(file + " is in none of " + this.directories);
	}

	private void visitClassFiles(ClassFileWalker.Visitor visitor) {
		ClassFileWalker.walk(this.directories, visitor);
	}

	private static byte @Nullable [] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			// Deleted between listing and reading, as a build cleans up: nothing to
			// reload
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read class file " + file, ex);
		}
	}

}

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

import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What a source file looked like when it was compiled: its time stamp and size, for a
 * cheap "unchanged" check, and a 64-bit hash of its content, for the real one (an editor
 * may save a file without changing it).
 *
 * @param lastModified the last-modified time in milliseconds
 * @param size the size in bytes
 * @param contentHash the content hash
 * @param contentKnown whether {@code contentHash} is the content the running classes were
 * compiled from; when {@code false} (the file was saved after the classes were loaded) it
 * counts as changed
 * @author hot-restart authors
 */
record SourceFingerprint(long lastModified, long size, long contentHash, boolean contentKnown) {

	static SourceFingerprint of(BasicFileAttributes attributes, byte[] content) {
		return new SourceFingerprint(attributes.lastModifiedTime().toMillis(), attributes.size(), hash(content), true);
	}

	static SourceFingerprint unknown(BasicFileAttributes attributes) {
		return new SourceFingerprint(attributes.lastModifiedTime().toMillis(), attributes.size(), 0, false);
	}

	boolean hasSameStamp(BasicFileAttributes attributes) {
		return this.lastModified == attributes.lastModifiedTime().toMillis() && this.size == attributes.size();
	}

	boolean hasSameContent(SourceFingerprint other) {
		return this.contentKnown && other.contentKnown && this.size == other.size
				&& this.contentHash == other.contentHash;
	}

	private static long hash(byte[] content) {
		CRC32C castagnoli = new CRC32C();
		castagnoli.update(content);
		CRC32 ieee = new CRC32();
		ieee.update(content);
		return (castagnoli.getValue() << 32) | ieee.getValue();
	}

}

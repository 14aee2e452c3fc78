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

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The languages of source files found in source directories. Only Java is compiled; the
 * others are recognised so that a change to them is told rather than ignored.
 *
 * @author hot-restart authors
 */
public enum SourceLanguage {

	/**
	 * Java, compiled in-process.
	 */
	JAVA("Java", ".java"),

	/**
	 * Kotlin, which the build compiles.
	 */
	KOTLIN("Kotlin", ".kt"),

	/**
	 * Groovy, which the build compiles.
	 */
	GROOVY("Groovy", ".groovy");

	private final String displayName;

	private final String suffix;

	SourceLanguage(String displayName, String suffix) {
		this.displayName = displayName;
		this.suffix = suffix;
	}

	/**
	 * Return the language's name as a developer writes it.
	 * @return for example {@code Kotlin}
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Return the file name suffix of the language's sources.
	 * @return for example {@code .kt}
	 */
	public String suffix() {
		return this.suffix;
	}

	/**
	 * Return the language of a source file, judged by its name.
	 * @param file a file
	 * @return its language, or {@code null} for a file that is no source
	 */
	public static @Nullable SourceLanguage of(Path file) {
		Path name = file.getFileName();
		if (name == null) {
			return null;
		}
		String fileName = name.toString();
		for (SourceLanguage language : values()) {
			if (fileName.endsWith(language.suffix) && fileName.length() > language.suffix.length()) {
				return language;
			}
		}
		return null;
	}

}

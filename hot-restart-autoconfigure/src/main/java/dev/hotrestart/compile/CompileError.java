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

import org.jspecify.annotations.Nullable;

/**
 * An error the compiler reported in a saved source.
 *
 * @param file the absolute path of the source file, or {@code null} for an error that
 * concerns no file (an annotation processor's, for example)
 * @param line the line, from 1, or -1 when the error concerns no position
 * @param column the column, from 1, counted in characters (a tab counts as one), or -1
 * when the error concerns no position
 * @param message the compiler's message, for example {@code ';' expected}
 * @param sourceLine the text of the line, or {@code null} when the error concerns no line
 * @author hot-restart authors
 */
public record CompileError(@Nullable String file, long line, long column, String message, @Nullable String sourceLine) {

	/**
	 * Describe the error as javac prints it: where, what, the line and a caret under the
	 * column.
	 * @return one or more lines
	 */
	public String describe() {
		StringBuilder description = new StringBuilder();
		if (this.file != null) {
			description.append(this.file);
			if (this.line > 0) {
				description.append(':').append(this.line);
				if (this.column > 0) {
					description.append(':').append(this.column);
				}
			}
			description.append(": ");
		}
		description.append("error: ").append(this.message);
		if (this.sourceLine != null) {
			description.append('\n').append(this.sourceLine);
			if (this.column > 0) {
				description.append('\n').append(caret());
			}
		}
		return description.toString();
	}

	private String caret() {
		StringBuilder caret = new StringBuilder();
		String text = (this.sourceLine != null) ? this.sourceLine : "";
		for (int index = 0; index < this.column - 1; index++) {
			// Keep tabs, so that the caret lines up wherever tabs stop
			caret.append((index < text.length() && text.charAt(index) == '\t') ? '\t' : ' ');
		}
		return caret.append('^').toString();
	}

}

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

package dev.hotrestart.actuate;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.hotrestart.actuate.ContinueDescriptor.ReloadNoteDescriptor;
import dev.hotrestart.compile.CompileError;
import dev.hotrestart.compile.CompileFailedException;
import dev.hotrestart.compile.CompileUnavailableException;
import dev.hotrestart.park.NoSuchParkedCallException;
import dev.hotrestart.park.ParkedCallBusyException;
import dev.hotrestart.reload.ClassFileRejectedException;
import dev.hotrestart.reload.InstrumentationUnavailableException;
import dev.hotrestart.reload.ReloadRefusedException;

/**
 * Turns what can go wrong with an operation of the endpoint into an HTTP status and a
 * JSON body. Every error body has the same shape: an {@code error} that says what
 * happened and what to do, the {@code id} of the call when the operation concerned one,
 * and typed details where there are some. For an operation on a parked call: 404 for an
 * unknown id; 409 for a call that is not waiting, a refused reload (adding
 * {@code refusals} and {@code advice}), a JVM that cannot redefine classes or saved
 * sources it cannot compile; 422 for a class file that cannot be loaded (adding
 * {@code files}) or saved sources that do not compile (adding {@code compileErrors}).
 * Stateless.
 *
 * @author hot-restart authors
 */
public final class EndpointErrors {

	static final int STATUS_CONFLICT = 409;

	static final int STATUS_UNPROCESSABLE_CONTENT = 422;

	private EndpointErrors() {
	}

	/**
	 * Run an operation on the call {@code id} and answer with its result, or with the
	 * error it ran into.
	 * @param id the id the request named
	 * @param operation the operation
	 * @return 200 with the result, or the error's status and body
	 */
	static WebEndpointResponse<Object> respond(String id, Supplier<Object> operation) {
		try {
			return new WebEndpointResponse<>(operation.get());
		}
		catch (NoSuchParkedCallException ex) {
			return error(WebEndpointResponse.STATUS_NOT_FOUND, id, ex.getMessage());
		}
		catch (ParkedCallBusyException | InstrumentationUnavailableException | CompileUnavailableException ex) {
			return error(STATUS_CONFLICT, id, ex.getMessage());
		}
		catch (ReloadRefusedException ex) {
			return new WebEndpointResponse<>(new RefusedReloadDescriptor(ex.getSummary(), id,
					ReloadNoteDescriptor.of(ex.getRefusals()), ex.getAdvice()), STATUS_CONFLICT);
		}
		catch (ClassFileRejectedException ex) {
			return new WebEndpointResponse<>(new RejectedClassFilesDescriptor(ex.getMessage(), id,
					RejectedClassFileDescriptor.of(ex.getFiles())), STATUS_UNPROCESSABLE_CONTENT);
		}
		catch (CompileFailedException ex) {
			return new WebEndpointResponse<>(
					new CompileFailedDescriptor(ex.getMessage(), id, CompileErrorDescriptor.of(ex.getErrors())),
					STATUS_UNPROCESSABLE_CONTENT);
		}
	}

	/**
	 * Answer with an error about the call {@code id}.
	 * @param status the HTTP status
	 * @param id the id the request named
	 * @param message what happened and what to do
	 * @return the answer
	 */
	static WebEndpointResponse<Object> error(int status, String id, String message) {
		return new WebEndpointResponse<>(new ErrorDescriptor(message, id), status);
	}

	/**
	 * Answer with an error that concerns no single call.
	 * @param status the HTTP status
	 * @param message what happened and what to do
	 * @return the answer
	 */
	static WebEndpointResponse<Object> error(int status, String message) {
		return new WebEndpointResponse<>(new ErrorDescriptor(message, null), status);
	}

	/**
	 * An error answer.
	 *
	 * @param error what happened and what to do
	 * @param id the id of the call the request named, or {@code null} when it named none
	 */
	public record ErrorDescriptor(String error, @Nullable String id) {

	}

	/**
	 * The answer to a continue whose reload was refused; the call stays parked.
	 *
	 * @param error what was refused, in one sentence
	 * @param id the id of the call
	 * @param refusals for every refused change: the class, the member and the cause
	 * @param advice what to do
	 */
	public record RefusedReloadDescriptor(String error, String id, List<ReloadNoteDescriptor> refusals, String advice) {

	}

	/**
	 * The answer to a continue that found a class file it cannot load; the call stays
	 * parked.
	 *
	 * @param error the whole story in one message
	 * @param id the id of the call
	 * @param files the rejected class files
	 */
	public record RejectedClassFilesDescriptor(String error, String id, List<RejectedClassFileDescriptor> files) {

	}

	/**
	 * The answer to a continue whose saved sources do not compile; the call stays parked.
	 *
	 * @param error the whole story in one message
	 * @param id the id of the call
	 * @param compileErrors the compiler's errors
	 */
	public record CompileFailedDescriptor(String error, String id, List<CompileErrorDescriptor> compileErrors) {

	}

	/**
	 * An error the compiler reported.
	 *
	 * @param file the absolute path of the source file, or {@code null} for an error that
	 * concerns no file
	 * @param line the line, from 1, or {@code null} when the error concerns no position
	 * @param column the column, from 1, counted in characters (a tab counts as one), or
	 * {@code null} when the error concerns no position
	 * @param message the compiler's message
	 * @param sourceLine the text of the line, or {@code null}
	 */
	public record CompileErrorDescriptor(@Nullable String file, @Nullable Long line, @Nullable Long column,
			String message, @Nullable String sourceLine) {

		static List<CompileErrorDescriptor> of(List<CompileError> errors) {
			return errors.stream()
				.map((error) -> new CompileErrorDescriptor(error.file(), position(error.line()),
						position(error.column()), error.message(), error.sourceLine()))
				.toList();
		}

		private static @Nullable Long position(long position) {
			return (position > 0) ? position : null;
		}

	}

	/**
	 * A class file that cannot be loaded.
	 *
	 * @param className the binary name of its class
	 * @param file the path of the class file
	 * @param cause why it cannot be loaded
	 */
	public record RejectedClassFileDescriptor(String className, String file, String cause) {

		static List<RejectedClassFileDescriptor> of(List<ClassFileRejectedException.RejectedClassFile> files) {
			return files.stream()
				.map((file) -> new RejectedClassFileDescriptor(file.className(), file.file(), file.cause()))
				.toList();
		}

	}

}

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

package dev.hotrestart.resume;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.hotrestart.compile.CompileFailedException;
import dev.hotrestart.reload.ReloadException;

/**
 * Applies recompiled classes the moment a build lands (or a source is saved) while calls
 * are parked, instead of on the next continue: the JVM redefines at once what it can, so
 * that a continue only calls the method again, and a change it cannot apply, or a class
 * file it cannot load, is told at once (in the listing, the console and the log) rather
 * than when the developer presses continue. With resume on save on, an applied change
 * lets every waiting call run again.
 * <p>
 * Told of builds by the {@link ClassDirectoryWatcher}'s thread; the
 * {@link #getLatestChange() latest change} is read by endpoint threads. Thread-safe:
 * builds are handled one at a time.
 *
 * @author hot-restart authors
 */
public class ChangeApplier {

	private static final Log logger = LogFactory.getLog(ChangeApplier.class);

	private final ParkedCallActions actions;

	private final ResumeOnSave resumeOnSave;

	private final Clock clock;

	private volatile @Nullable LatestChange latestChange;

	/**
	 * Create an applier.
	 * @param actions reloads the changed classes and lets waiting calls run again
	 * @param resumeOnSave whether an applied change resumes the waiting calls
	 */
	public ChangeApplier(ParkedCallActions actions, ResumeOnSave resumeOnSave) {
		this(actions, resumeOnSave, Clock.systemUTC());
	}

	ChangeApplier(ParkedCallActions actions, ResumeOnSave resumeOnSave, Clock clock) {
		this.actions = actions;
		this.resumeOnSave = resumeOnSave;
		this.clock = clock;
	}

	/**
	 * Tell that a build has landed in the class directories, or sources were saved:
	 * compile and apply what changed, and resume the waiting calls if resume on save is
	 * on. A build that rewrote class files with the same content changes nothing.
	 * @return what became of the build, or {@code null} when no source needed compiling
	 * and no class changed
	 */
	public synchronized @Nullable LatestChange classesSaved() {
		SavedChange saved;
		try {
			saved = this.actions.compileAndReload();
		}
		catch (ReloadException ex) {
			LatestChange failed = LatestChange.failed(this.clock.instant(), ex);
			this.latestChange = failed;
			if (!(ex instanceof CompileFailedException)) {
				// The compiler has printed its errors already
				logger.warn("Recompiled classes were not applied: " + ex.getMessage());
			}
			return failed;
		}
		if (!saved.hasChanges()) {
			return (isCompileFailed(this.latestChange)) ? sourcesCompileAgain() : null;
		}
		LatestChange applied = LatestChange.applied(this.clock.instant(), saved);
		this.latestChange = applied;
		if (!saved.reload().hasChanges()) {
			// Compiled to the very classes that run: nothing to apply or resume
			return applied;
		}
		if (this.resumeOnSave.isEnabled()) {
			this.resumeOnSave.resume(saved.reload());
		}
		else {
			logger.info("Applied recompiled " + String.join(", ", applied.classes())
					+ " at once; continue the parked calls to run them again with the new code");
		}
		return applied;
	}

	private static boolean isCompileFailed(@Nullable LatestChange change) {
		return change != null && change.state() == LatestChange.State.COMPILE_FAILED;
	}

	/**
	 * The sources that did not compile were saved back as the running classes were
	 * compiled from them: nothing is wrong any more, and nothing changes.
	 */
	private LatestChange sourcesCompileAgain() {
		LatestChange unchanged = LatestChange.applied(this.clock.instant(), SavedChange.none());
		this.latestChange = unchanged;
		return unchanged;
	}

	/**
	 * Return what became of the latest build that changed classes while calls were
	 * parked.
	 * @return the latest change, or {@code null} before the first
	 */
	public @Nullable LatestChange getLatestChange() {
		return this.latestChange;
	}

}

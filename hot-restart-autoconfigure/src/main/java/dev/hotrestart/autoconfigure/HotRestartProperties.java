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

package dev.hotrestart.autoconfigure;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.hotrestart.aop.HotRestartAdvisor;

/**
 * Configuration properties for hot restart.
 *
 * @author hot-restart authors
 */
@ConfigurationProperties(HotRestartProperties.PREFIX)
public class HotRestartProperties {

	/**
	 * The prefix of hot restart's properties.
	 */
	public static final String PREFIX = "hot-restart";

	/**
	 * Whether hot restart is on. When unset, it is on when the application runs from
	 * class directories (IDE launch, spring-boot:run) outside a test runner, and off from
	 * a packaged jar.
	 */
	private @Nullable Boolean enabled;

	/**
	 * Order of the hot-restart advice among other advice. The default runs outside
	 * '@Transactional', so a failed attempt is rolled back before it parks.
	 */
	private int adviceOrder = HotRestartAdvisor.DEFAULT_ORDER;

	/**
	 * AspectJ pointcut expression whose methods are advised as if annotated with
	 * '@HotRestart', such as 'within(com.acme.billing..*)' for a package and its
	 * sub-packages. Applies to bean classes in class directories (not in jars) that a
	 * proxy can subclass, other than '@Configuration' classes. Needs
	 * org.aspectj:aspectjweaver, which the starter brings.
	 */
	private @Nullable String pointcut;

	/**
	 * Maximum number of calls parked at once. A failure beyond it propagates at once.
	 */
	private int maxParked = 10;

	/**
	 * How long a call stays parked before it gives up and rethrows its exception.
	 */
	private Duration parkTimeout = Duration.ofMinutes(30);

	/**
	 * How long a continue waits for the retried call to return or park again before it
	 * answers "running".
	 */
	private Duration continueWait = Duration.ofSeconds(10);

	/**
	 * How long shutdown waits for released calls to leave, so that their callers get the
	 * original error rather than an empty reply.
	 */
	private Duration releaseWait = Duration.ofSeconds(5);

	/**
	 * Whether a continue reloads the changed classes before it calls again. Turn off when
	 * another tool (JRebel, HotswapAgent) reloads classes, so that a continue only calls
	 * again.
	 */
	private boolean reloadOnContinue = true;

	/**
	 * Whether parked calls resume on their own when class files change (resume on save):
	 * the changed classes are reloaded and every parked call runs again, as on continue.
	 * Also switchable at run time: POST /actuator/hotrestart/auto-continue/on (or /off).
	 */
	private boolean autoContinue;

	/**
	 * Whether a continue (and resume on save) first compiles the saved Java sources that
	 * changed since the running classes were compiled from them, in-process with the
	 * options the build used, so that no build step is needed. Sources the IDE has
	 * compiled since they were saved are left alone.
	 */
	private boolean compileOnContinue = true;

	/**
	 * Source directories whose saved sources a continue compiles, and in which the
	 * console finds the source files it opens in the IDE. When empty, they are found from
	 * the class directories by the Maven and Gradle layouts: 'target/classes' is compiled
	 * from 'src/main/java', 'target/test-classes' from 'src/test/java', and
	 * 'build/classes/java/main' from 'src/main/java'.
	 */
	private List<File> sourceDirectories = new ArrayList<>();

	/**
	 * Exception types that never park, matched with 'isInstance': they propagate at once.
	 * '@HotRestart(neverPark = ...)' adds types for one method or bean.
	 */
	private List<Class<? extends Throwable>> neverPark = new ArrayList<>();

	/**
	 * Whether Spring's intentional HTTP errors park: ErrorResponse implementations such
	 * as ResponseStatusException, and exceptions annotated with '@ResponseStatus'. Off by
	 * default: they are answers, not bugs.
	 */
	private boolean parkHttpErrors;

	/**
	 * Whether a failure inside a transaction that a caller of the '@HotRestart' method
	 * started parks anyway. Off by default: the failure has marked that transaction
	 * rollback-only, so its commit fails even after a successful retry, and the parked
	 * call would hold its connection and locks.
	 */
	private boolean parkInCallerTransaction;

	/**
	 * Whether parked calls print on standard output and 'continue', 'abort' and 'list'
	 * are read from standard input. When unset, on in applications without a web server,
	 * where there is no endpoint or console.
	 */
	private @Nullable Boolean terminal;

	/**
	 * Whether to record the local variables of application frames when an exception
	 * leaves them, so that a parked failure shows them. With the hot-restart jar as
	 * -javaagent from the first failure on; without it, application classes are
	 * instrumented when the first call parks, and the next attempt has them.
	 */
	private boolean captureLocals = true;

	private final Remote remote = new Remote();

	private final Watch watch = new Watch();

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public int getAdviceOrder() {
		return this.adviceOrder;
	}

	public void setAdviceOrder(int adviceOrder) {
		this.adviceOrder = adviceOrder;
	}

	public @Nullable String getPointcut() {
		return this.pointcut;
	}

	public void setPointcut(@Nullable String pointcut) {
		this.pointcut = pointcut;
	}

	public int getMaxParked() {
		return this.maxParked;
	}

	public void setMaxParked(int maxParked) {
		this.maxParked = maxParked;
	}

	public Duration getParkTimeout() {
		return this.parkTimeout;
	}

	public void setParkTimeout(Duration parkTimeout) {
		this.parkTimeout = parkTimeout;
	}

	public Duration getContinueWait() {
		return this.continueWait;
	}

	public void setContinueWait(Duration continueWait) {
		this.continueWait = continueWait;
	}

	public Duration getReleaseWait() {
		return this.releaseWait;
	}

	public void setReleaseWait(Duration releaseWait) {
		this.releaseWait = releaseWait;
	}

	public boolean isReloadOnContinue() {
		return this.reloadOnContinue;
	}

	public void setReloadOnContinue(boolean reloadOnContinue) {
		this.reloadOnContinue = reloadOnContinue;
	}

	public boolean isAutoContinue() {
		return this.autoContinue;
	}

	public void setAutoContinue(boolean autoContinue) {
		this.autoContinue = autoContinue;
	}

	public boolean isCompileOnContinue() {
		return this.compileOnContinue;
	}

	public void setCompileOnContinue(boolean compileOnContinue) {
		this.compileOnContinue = compileOnContinue;
	}

	public List<File> getSourceDirectories() {
		return this.sourceDirectories;
	}

	public void setSourceDirectories(List<File> sourceDirectories) {
		this.sourceDirectories = sourceDirectories;
	}

	public List<Class<? extends Throwable>> getNeverPark() {
		return this.neverPark;
	}

	public void setNeverPark(List<Class<? extends Throwable>> neverPark) {
		this.neverPark = neverPark;
	}

	public boolean isParkHttpErrors() {
		return this.parkHttpErrors;
	}

	public void setParkHttpErrors(boolean parkHttpErrors) {
		this.parkHttpErrors = parkHttpErrors;
	}

	public boolean isParkInCallerTransaction() {
		return this.parkInCallerTransaction;
	}

	public void setParkInCallerTransaction(boolean parkInCallerTransaction) {
		this.parkInCallerTransaction = parkInCallerTransaction;
	}

	public @Nullable Boolean getTerminal() {
		return this.terminal;
	}

	public void setTerminal(@Nullable Boolean terminal) {
		this.terminal = terminal;
	}

	public boolean isCaptureLocals() {
		return this.captureLocals;
	}

	public void setCaptureLocals(boolean captureLocals) {
		this.captureLocals = captureLocals;
	}

	public Remote getRemote() {
		return this.remote;
	}

	public Watch getWatch() {
		return this.watch;
	}

	/**
	 * Access to the endpoint and the console from other hosts.
	 */
	public static class Remote {

		/**
		 * Shared secret that lets requests from other hosts (an application in a
		 * container or VM) reach the endpoint and the console, sent in the
		 * 'X-Hot-Restart-Secret' header. Visible ASCII characters only. Unset: only
		 * loopback requests get through.
		 */
		private @Nullable String secret;

		/**
		 * Maximum number of parked calls that serve requests from other hosts, judged by
		 * the connection's peer, so that the failures of this machine's own requests
		 * still find a slot. Unset: half of 'hot-restart.max-parked', rounded down.
		 */
		private @Nullable Integer maxParked;

		/**
		 * Number of wrong or repeated secrets in a row after which a client is locked out
		 * and answered 429 with Retry-After. The first lockout lasts a minute, each
		 * further one twice as long, at most an hour.
		 */
		private int maxFailures = 5;

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public @Nullable Integer getMaxParked() {
			return this.maxParked;
		}

		public void setMaxParked(@Nullable Integer maxParked) {
			this.maxParked = maxParked;
		}

		public int getMaxFailures() {
			return this.maxFailures;
		}

		public void setMaxFailures(int maxFailures) {
			this.maxFailures = maxFailures;
		}

	}

	/**
	 * Watching the class directories for recompiled classes while calls are parked.
	 */
	public static class Watch {

		/**
		 * How long the class directories must stay unchanged before a build counts as
		 * landed and is applied, so that a build that deletes and rewrites many class
		 * files counts once.
		 */
		private Duration quietPeriod = Duration.ofMillis(100);

		/**
		 * Time between two looks at the class directories where the operating system does
		 * not notify changes (macOS, or when inotify's watch limit is reached).
		 */
		private Duration pollInterval = Duration.ofMillis(500);

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getQuietPeriod() {
			return this.quietPeriod;
		}

		public void setQuietPeriod(Duration quietPeriod) {
			this.quietPeriod = quietPeriod;
		}

	}

}

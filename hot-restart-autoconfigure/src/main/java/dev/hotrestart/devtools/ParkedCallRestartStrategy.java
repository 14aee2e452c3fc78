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

import java.util.function.Supplier;

import org.springframework.boot.devtools.classpath.ClassPathRestartStrategy;
import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.util.function.SingletonSupplier;

import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassFileBaseline;

/**
 * A {@link ClassPathRestartStrategy} that keeps class file changes for continue instead
 * of restarting the application, and otherwise asks the strategy DevTools would have used
 * (the application's own, or DevTools' default built from
 * {@code spring.devtools.restart.exclude}).
 * <p>
 * A changed class file does not restart the application while any call is parked (a
 * restart would throw the parked calls away; continue redefines the class instead), nor
 * when its content is already in effect because a continue has reloaded it. Any other
 * change, including every change that is not a class file, is the delegate's decision.
 * Called on DevTools' file watcher thread; thread-safe.
 *
 * @author hot-restart authors
 */
public class ParkedCallRestartStrategy implements ClassPathRestartStrategy {

	private static final String CLASS_SUFFIX = ".class";

	private final ClassPathRestartStrategy delegate;

	private final Supplier<ParkingLot> parkingLot;

	private final Supplier<ClassFileBaseline> baseline;

	/**
	 * Create a strategy that decides like {@code delegate} except for class files that
	 * continue applies or has applied.
	 * @param delegate the strategy DevTools would have used
	 * @param parkingLot supplies the parking lot, resolved on first use
	 * @param baseline supplies the class file baseline, resolved on first use
	 */
	public ParkedCallRestartStrategy(ClassPathRestartStrategy delegate, Supplier<ParkingLot> parkingLot,
			Supplier<ClassFileBaseline> baseline) {
		this.delegate = delegate;
		this.parkingLot = SingletonSupplier.of(parkingLot);
		this.baseline = SingletonSupplier.of(baseline);
	}

	@Override
	public boolean isRestartRequired(ChangedFile file) {
		if (!this.delegate.isRestartRequired(file)) {
			return false;
		}
		if (!file.getRelativeName().endsWith(CLASS_SUFFIX)) {
			return true;
		}
		if (!this.parkingLot.get().getCalls().isEmpty()) {
			return false;
		}
		return file.getType() == ChangedFile.Type.DELETE || !this.baseline.get().isCurrent(file.getFile().toPath());
	}

	/**
	 * Return the strategy this one consults for everything it does not keep for continue.
	 * @return the delegate
	 */
	public ClassPathRestartStrategy getDelegate() {
		return this.delegate;
	}

}

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

import org.springframework.util.ClassUtils;

/**
 * Whether Spring Boot DevTools can restart this application, and the restart itself.
 * Loads without DevTools on the class path: its types are only touched once
 * {@link #isPresent()} holds.
 *
 * @author hot-restart authors
 */
public final class DevToolsRestart {

	private static final String RESTARTER = "org.springframework.boot.devtools.restart.Restarter";

	private DevToolsRestart() {
	}

	/**
	 * Return whether DevTools is on the class path.
	 * @return {@code true} if DevTools' {@code Restarter} can be loaded
	 */
	public static boolean isPresent() {
		return ClassUtils.isPresent(RESTARTER, DevToolsRestart.class.getClassLoader());
	}

	/**
	 * Return whether DevTools' {@code Restarter} is initialised with class path URLs to
	 * restart with, as it is for an IDE launch or {@code spring-boot:run}, and not from a
	 * packaged jar, inside a test runner or with {@code spring.devtools.restart.enabled}
	 * set to {@code false} as a system property.
	 * @return {@code true} if the application can be restarted
	 */
	public static boolean isActive() {
		return isPresent() && Restarter.isActive();
	}

	/**
	 * Restart the application; the restart runs on a DevTools thread of its own.
	 * @throws IllegalStateException if DevTools restart is not {@link #isActive() active}
	 */
	static void restart() {
		if (!isActive()) {
			throw new IllegalStateException("DevTools restart is not active");
		}
		Restarter.restart();
	}

	/**
	 * Isolates DevTools' types.
	 */
	private static final class Restarter {

		static boolean isActive() {
			try {
				return org.springframework.boot.devtools.restart.Restarter.getInstance().getInitialUrls() != null;
			}
			catch (IllegalStateException ex) {
				// Never initialised
				return false;
			}
		}

		static void restart() {
			org.springframework.boot.devtools.restart.Restarter.getInstance().restart();
		}

	}

}

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

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * Tells whether this JVM has enhanced class redefinition: JetBrains Runtime started with
 * {@code -XX:+AllowEnhancedClassRedefinition}, which can add and remove fields and
 * methods. Other JVMs have no such option and count as stock.
 *
 * @author hot-restart authors
 */
final class EnhancedRedefinition {

	static final String OPTION = "AllowEnhancedClassRedefinition";

	private EnhancedRedefinition() {
	}

	/**
	 * Return whether this JVM runs with enhanced class redefinition.
	 * @return {@code true} on JetBrains Runtime with the option on
	 */
	static boolean isEnabled() {
		try {
			return HotSpotOption.isTrue(OPTION);
		}
		catch (IllegalArgumentException | UnsupportedOperationException | SecurityException | LinkageError ex) {
			// No such option, or no jdk.management module (a jlink'd runtime): stock JVM
			return false;
		}
	}

	/**
	 * Isolates the {@code jdk.management} types so that this class loads without them.
	 */
	private static final class HotSpotOption {

		static boolean isTrue(String name) {
			HotSpotDiagnosticMXBean diagnostics = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			if (diagnostics == null) {
				return false;
			}
			VMOption option = diagnostics.getVMOption(name);
			return Boolean.parseBoolean(option.getValue());
		}

	}

}

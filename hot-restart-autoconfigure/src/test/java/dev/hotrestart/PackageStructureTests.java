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

package dev.hotrestart;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Tests for the structure of the {@code dev.hotrestart} packages: the flow park, reload,
 * resume reads top-down, with no package that depends on one that depends on it.
 */
class PackageStructureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.hotrestart");

	@Test
	void packagesHaveNoCycles() {
		slices().matching("dev.hotrestart.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void parkingAndReloadingKnowNothingOfEachOther() {
		noClasses().that()
			.resideInAPackage("dev.hotrestart.park..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.hotrestart.reload..", "dev.hotrestart.resume..")
			.check(classes);
		noClasses().that()
			.resideInAPackage("dev.hotrestart.reload..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.hotrestart.park..", "dev.hotrestart.resume..")
			.check(classes);
	}

	@Test
	void parkingAndReloadingKnowNothingOfCompiling() {
		noClasses().that()
			.resideInAnyPackage("dev.hotrestart.park..", "dev.hotrestart.reload..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.hotrestart.compile..")
			.check(classes);
	}

	@Test
	void onlyTheAutoConfigurationsKnowTheAutoConfigurationPackage() {
		noClasses().that()
			.resideOutsideOfPackage("dev.hotrestart.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.hotrestart.autoconfigure..")
			.check(classes);
	}

}

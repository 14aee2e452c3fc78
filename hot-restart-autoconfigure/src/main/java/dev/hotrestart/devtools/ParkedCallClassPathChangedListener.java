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

import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.devtools.classpath.ClassPathChangedEvent;
import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.boot.devtools.filewatch.ChangedFiles;
import org.springframework.context.ApplicationListener;

import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.resume.ResumeOnSave;

/**
 * Handles DevTools' {@link ClassPathChangedEvent class path changes} that did not restart
 * the application because calls are parked: says so in the log and, with resume on save
 * on, lets {@link ResumeOnSave} reload and resume the parked calls. Called on DevTools'
 * file watcher thread.
 *
 * @author hot-restart authors
 */
public class ParkedCallClassPathChangedListener implements ApplicationListener<ClassPathChangedEvent> {

	private static final Log logger = LogFactory.getLog(ParkedCallClassPathChangedListener.class);

	private final ParkingLot parkingLot;

	private final ResumeOnSave resumeOnSave;

	public ParkedCallClassPathChangedListener(ParkingLot parkingLot, ResumeOnSave resumeOnSave) {
		this.parkingLot = parkingLot;
		this.resumeOnSave = resumeOnSave;
	}

	@Override
	public void onApplicationEvent(ClassPathChangedEvent event) {
		if (event.isRestartRequired()) {
			return;
		}
		long classFiles = event.getChangeSet()
			.stream()
			.map(ChangedFiles::getFiles)
			.flatMap(Set::stream)
			.map(ChangedFile::getRelativeName)
			.filter((name) -> name.endsWith(".class"))
			.count();
		int parked = this.parkingLot.getCalls().size();
		if (classFiles == 0 || parked == 0) {
			return;
		}
		if (this.resumeOnSave.isEnabled()) {
			logger.info("Not restarting for " + classFiles + " changed class file(s): resuming " + parked
					+ " parked call(s) instead");
			this.resumeOnSave.classesChanged();
		}
		else {
			logger.info("Not restarting for " + classFiles + " changed class file(s): " + parked
					+ " call(s) are parked; continue reloads them (POST /actuator/hotrestart/{id}/continue)");
		}
	}

}

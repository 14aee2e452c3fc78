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
import dev.hotrestart.reload.ClassFileBaseline;

/**
 * Says in the log when DevTools did not restart the application for changed class files
 * because calls are parked. Hot restart's own watcher has usually applied the change by
 * the time DevTools notices it (DevTools polls every second); a change that is already in
 * effect, or a deleted file, is not worth a line, so that one build logs at most once.
 * Called on DevTools' file watcher thread.
 *
 * @author hot-restart authors
 */
public class ParkedCallClassPathChangedListener implements ApplicationListener<ClassPathChangedEvent> {

	private static final Log logger = LogFactory.getLog(ParkedCallClassPathChangedListener.class);

	private final ParkingLot parkingLot;

	private final ClassFileBaseline baseline;

	/**
	 * Create a listener.
	 * @param parkingLot the parked calls
	 * @param baseline tells which class files are in effect already
	 */
	public ParkedCallClassPathChangedListener(ParkingLot parkingLot, ClassFileBaseline baseline) {
		this.parkingLot = parkingLot;
		this.baseline = baseline;
	}

	@Override
	public void onApplicationEvent(ClassPathChangedEvent event) {
		if (event.isRestartRequired()) {
			return;
		}
		int parked = this.parkingLot.getCalls().size();
		if (parked == 0) {
			return;
		}
		long pending = event.getChangeSet()
			.stream()
			.map(ChangedFiles::getFiles)
			.flatMap(Set::stream)
			.filter((file) -> file.getRelativeName().endsWith(".class"))
			.filter((file) -> file.getType() != ChangedFile.Type.DELETE)
			.filter((file) -> !this.baseline.isCurrent(file.getFile().toPath()))
			.count();
		if (pending > 0) {
			logger.info("Not restarting for " + pending + " changed class file(s): " + parked
					+ " call(s) are parked; continue reloads them (POST /actuator/hotrestart/{id}/continue)");
		}
	}

}

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

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ApplicationCode;
import dev.hotrestart.reload.ClassFileBaseline;
import dev.hotrestart.resume.ParkedCallActions;
import dev.hotrestart.terminal.HotRestartTerminal;
import dev.hotrestart.terminal.ParkedCallFormat;
import dev.hotrestart.terminal.TerminalCommands;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of hot restart's terminal: parked calls print on standard output,
 * and {@code continue}, {@code abort} and {@code list} are read from standard input. On
 * by default in an application without a web server; {@code hot-restart.terminal} turns
 * it on or off (see {@link OnTerminalCondition}).
 *
 * @author hot-restart authors
 */
@AutoConfiguration(after = HotRestartAutoConfiguration.class)
@ConditionalOnHotRestartActive
@Conditional(OnTerminalCondition.class)
@ConditionalOnBean(ParkedCallActions.class)
public final class HotRestartTerminalAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HotRestartTerminal hotRestartTerminal(ParkingLot parkingLot, ParkedCallActions actions,
			ClassFileBaseline baseline) {
		ParkedCallFormat format = new ParkedCallFormat(new ApplicationCode(baseline.getDirectories()));
		return new HotRestartTerminal(new TerminalCommands(parkingLot, actions, format), format);
	}

}

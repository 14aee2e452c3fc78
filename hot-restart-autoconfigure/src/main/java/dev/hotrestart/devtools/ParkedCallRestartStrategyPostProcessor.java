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

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.devtools.classpath.ClassPathRestartStrategy;

import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.ClassFileBaseline;

/**
 * Wraps whichever {@link ClassPathRestartStrategy} the context ends up with, the
 * application's own or DevTools' default, in a {@link ParkedCallRestartStrategy}.
 * Wrapping the bean rather than replacing it keeps the user's strategy, its exclusions
 * and its bean definition exactly as they are.
 *
 * @author hot-restart authors
 */
public class ParkedCallRestartStrategyPostProcessor implements BeanPostProcessor {

	private final Supplier<ParkingLot> parkingLot;

	private final Supplier<ClassFileBaseline> baseline;

	/**
	 * Create the post-processor. The suppliers are only called when DevTools consults the
	 * strategy, so that the post-processor initialises nothing early.
	 * @param parkingLot supplies the parking lot
	 * @param baseline supplies the class file baseline
	 */
	public ParkedCallRestartStrategyPostProcessor(Supplier<ParkingLot> parkingLot,
			Supplier<ClassFileBaseline> baseline) {
		this.parkingLot = parkingLot;
		this.baseline = baseline;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ClassPathRestartStrategy strategy && !(bean instanceof ParkedCallRestartStrategy)) {
			return new ParkedCallRestartStrategy(strategy, this.parkingLot, this.baseline);
		}
		return bean;
	}

}

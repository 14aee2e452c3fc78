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

package dev.hotrestart.aop.usage;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hotrestart.autoconfigure.HotRestartAutoConfiguration;

/**
 * An application whose beans carry {@code @HotRestart} where it has no effect, beside one
 * where it has. {@link NotABean} and {@link MetaAnnotatedNotABean} are in its package but
 * are no beans.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
@ImportAutoConfiguration({ AopAutoConfiguration.class, HotRestartAutoConfiguration.class })
public class UsageApplication {

	@Bean
	public Healthy healthy() {
		return new Healthy();
	}

	@Bean
	public PrivateMethod privateMethod() {
		return new PrivateMethod();
	}

	@Bean
	public StaticMethod staticMethod() {
		return new StaticMethod();
	}

	@Bean
	public FinalMethod finalMethod() {
		return new FinalMethod();
	}

	@Bean
	public FinalClass finalClass() {
		return new FinalClass();
	}

	@Bean
	public RecordBean recordBean() {
		return new RecordBean("ledger");
	}

}

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

package dev.hotrestart.aop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.util.ClassUtils;

import dev.hotrestart.reload.ClassDirectories;

/**
 * Says where hot restart's advice cannot reach, once the application is ready: one
 * warning line for each {@link dev.hotrestart.HotRestart @HotRestart} that has no effect
 * (see {@link UnreachableAnnotations}), and, when {@code hot-restart.pointcut} is set,
 * which bean classes it opts in, or a warning that it opts in none.
 * <p>
 * The bean classes are checked, and, for annotated types that no bean has, the
 * application's packages ({@link AutoConfigurationPackages}) in its class directories
 * (see {@link AnnotatedClassScan}); a context without such packages gets only the first.
 * The check runs on a daemon thread of its own, so start-up pays nothing for it; a
 * failure of the check itself is logged at debug level and otherwise ignored.
 *
 * @author hot-restart authors
 */
public class HotRestartUsageCheck implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(HotRestartUsageCheck.class);

	private static final int LISTED_CLASSES = 10;

	private final ConfigurableListableBeanFactory beanFactory;

	private final Supplier<@Nullable HotRestartAdvisor> advisor;

	private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("hot-restart-check-");

	/**
	 * Create a check of the beans of the given factory.
	 * @param beanFactory the application's bean factory
	 * @param advisor supplies the hot-restart advisor, if there is one
	 */
	public HotRestartUsageCheck(ConfigurableListableBeanFactory beanFactory,
			Supplier<@Nullable HotRestartAdvisor> advisor) {
		this.beanFactory = beanFactory;
		this.advisor = advisor;
		this.executor.setDaemon(true);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (event.getApplicationContext().getBeanFactory() == this.beanFactory) {
			this.executor.execute(this::check);
		}
	}

	/**
	 * Check the application and log what was found, on the calling thread.
	 */
	void check() {
		try {
			List<Class<?>> beanClasses = beanClasses();
			for (String line : UnreachableAnnotations.find(beanClasses, classesOfApplicationPackages())) {
				logger.warn(line);
			}
			HotRestartAdvisor advisor = this.advisor.get();
			OptInExpression optIn = (advisor != null) ? advisor.getOptIn() : null;
			if (optIn != null) {
				reportOptIn(optIn, beanClasses);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			logger.debug("Could not check where @HotRestart has an effect", ex);
		}
	}

	private List<Class<?>> beanClasses() {
		Set<Class<?>> classes = new LinkedHashSet<>();
		BeanFactory current = this.beanFactory;
		while (current instanceof ConfigurableListableBeanFactory factory) {
			Set<String> names = new LinkedHashSet<>(List.of(factory.getBeanDefinitionNames()));
			names.addAll(List.of(factory.getSingletonNames()));
			for (String name : names) {
				Class<?> type = typeOf(factory, name);
				if (type != null) {
					classes.add(ClassUtils.getUserClass(type));
				}
			}
			current = factory.getParentBeanFactory();
		}
		return new ArrayList<>(classes);
	}

	private static @Nullable Class<?> typeOf(ConfigurableListableBeanFactory factory, String name) {
		try {
			return factory.getType(name, false);
		}
		catch (BeansException ex) {
			return null;
		}
	}

	private List<Class<?>> classesOfApplicationPackages() {
		if (!AutoConfigurationPackages.has(this.beanFactory)) {
			logger.debug("No auto-configuration packages: @HotRestart types that no bean has are not looked for");
			return List.of();
		}
		return AnnotatedClassScan.find(ClassDirectories.ofClassPath(), AutoConfigurationPackages.get(this.beanFactory),
				this.beanFactory.getBeanClassLoader());
	}

	private static void reportOptIn(OptInExpression optIn, List<Class<?>> beanClasses) {
		List<String> advised = beanClasses.stream()
			.filter((beanClass) -> AopUtils.canApply(optIn.getPointcut(), beanClass))
			.map(Class::getSimpleName)
			.sorted()
			.toList();
		String property = OptInExpression.PROPERTY + " '" + optIn.getExpression() + "'";
		if (advised.isEmpty()) {
			logger.warn(property + " opts in no method of any bean, so it advises nothing. It applies to the "
					+ "classes of beans in class directories (not in jars) that a proxy can subclass, other than "
					+ "@Configuration classes. Check the package and type names in it; for a package and its "
					+ "sub-packages, write within(com.acme.billing..*).");
			return;
		}
		String listed = String.join(", ", advised.subList(0, Math.min(advised.size(), LISTED_CLASSES)));
		String more = (advised.size() > LISTED_CLASSES) ? " and " + (advised.size() - LISTED_CLASSES) + " more" : "";
		logger.info(property + " advises methods of " + advised.size() + " bean class"
				+ ((advised.size() != 1) ? "es" : "") + ": " + listed + more);
	}

}

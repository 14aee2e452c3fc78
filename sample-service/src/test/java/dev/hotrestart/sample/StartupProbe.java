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

package dev.hotrestart.sample;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A class directory to put on a measured application's class path, with a
 * {@code SpringApplicationRunListener} that prints, when the application has started:
 * <ul>
 * <li>how much CPU time the main thread has used. Unlike the elapsed time Spring Boot
 * logs, it does not count the time other processes of a busy machine had the CPU, though
 * a busy machine still makes it vary;</li>
 * <li>the CPU time spent auto-proxying: matching every bean against the advisors (those
 * of hot restart and its pointcut included) and making the proxies. This is where a
 * pointcut costs, and it is short, so a busy machine disturbs it far less in absolute
 * terms. Measured when Spring Boot's AspectJ auto-proxy creator is in use, by a subclass
 * of it put in its place.</li>
 * </ul>
 */
final class StartupProbe {

	private static final Pattern MAIN_THREAD = Pattern.compile("Main thread CPU time at start: (\\d+) ms");

	private static final Pattern AUTO_PROXYING = Pattern
		.compile("Auto-proxying CPU time at start: (\\d+) ms, (\\d+) proxies");

	private StartupProbe() {
	}

	/**
	 * Compile the probe into a class directory.
	 * @param directory where to write its sources and classes
	 * @return the class directory
	 */
	static Path compile(Path directory) throws IOException {
		Path sources = Files.createDirectories(directory.resolve("sources"));
		Path classes = Files.createDirectories(directory.resolve("classes"));
		List<Path> files = List.of(Files.writeString(sources.resolve("StartupProbeListener.java"), """
				package dev.hotrestart.sample.probe;

				import java.lang.management.ManagementFactory;
				import java.time.Duration;

				import org.springframework.beans.factory.config.BeanDefinition;
				import org.springframework.boot.SpringApplication;
				import org.springframework.boot.SpringApplicationRunListener;
				import org.springframework.context.ConfigurableApplicationContext;

				public class StartupProbeListener implements SpringApplicationRunListener {

					private static final String CREATOR = "org.springframework.aop.config.internalAutoProxyCreator";

					private static final String ASPECTJ_CREATOR =
							"org.springframework.aop.aspectj.annotation.AnnotationAwareAspectJAutoProxyCreator";

					public StartupProbeListener(SpringApplication application, String[] args) {
					}

					@Override
					public void contextPrepared(ConfigurableApplicationContext context) {
						context.addBeanFactoryPostProcessor((beanFactory) -> {
							if (beanFactory.containsBeanDefinition(CREATOR)) {
								BeanDefinition creator = beanFactory.getBeanDefinition(CREATOR);
								if (ASPECTJ_CREATOR.equals(creator.getBeanClassName())) {
									creator.setBeanClassName(TimedAutoProxyCreator.class.getName());
								}
							}
						});
					}

					@Override
					public void started(ConfigurableApplicationContext context, Duration timeTaken) {
						long nanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
						if (TimedAutoProxyCreator.used) {
							System.out.println("Auto-proxying CPU time at start: "
									+ (TimedAutoProxyCreator.cpuNanos / 1_000_000) + " ms, "
									+ TimedAutoProxyCreator.proxies + " proxies");
						}
						// Last: the benchmark reads the output once it sees this line
						System.out.println("Main thread CPU time at start: " + (nanos / 1_000_000) + " ms");
					}

				}
				"""), Files.writeString(sources.resolve("TimedAutoProxyCreator.java"), """
				package dev.hotrestart.sample.probe;

				import java.lang.management.ManagementFactory;
				import java.util.function.Supplier;

				import org.springframework.aop.TargetSource;
				import org.springframework.aop.aspectj.annotation.AnnotationAwareAspectJAutoProxyCreator;

				public class TimedAutoProxyCreator extends AnnotationAwareAspectJAutoProxyCreator {

					static volatile boolean used;

					static volatile long cpuNanos;

					static volatile int proxies;

					private static final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

					@Override
					public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
						return timed(() -> super.postProcessBeforeInstantiation(beanClass, beanName));
					}

					@Override
					public Object postProcessAfterInitialization(Object bean, String beanName) {
						return timed(() -> super.postProcessAfterInitialization(bean, beanName));
					}

					@Override
					public Object getEarlyBeanReference(Object bean, String beanName) {
						return timed(() -> super.getEarlyBeanReference(bean, beanName));
					}

					@Override
					protected Object createProxy(Class<?> beanClass, String beanName, Object[] interceptors,
							TargetSource targetSource) {
						proxies++;
						return super.createProxy(beanClass, beanName, interceptors, targetSource);
					}

					private static Object timed(Supplier<Object> call) {
						used = true;
						int[] calls = depth.get();
						if (calls[0]++ > 0) {
							try {
								return call.get();
							}
							finally {
								calls[0]--;
							}
						}
						long start = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
						try {
							return call.get();
						}
						finally {
							calls[0]--;
							synchronized (TimedAutoProxyCreator.class) {
								cpuNanos += ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - start;
							}
						}
					}

				}
				"""));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StringWriter diagnostics = new StringWriter();
		boolean compiled = compiler
			.getTask(diagnostics, null, null,
					List.of("--release", "17", "-proc:none", "-d", classes.toString(), "-cp",
							System.getProperty("java.class.path")),
					null, compiler.getStandardFileManager(null, null, null).getJavaFileObjectsFromPaths(files))
			.call();
		if (!compiled) {
			throw new IllegalStateException("Could not compile the start-up probe:\n" + diagnostics);
		}
		Path factories = Files.createDirectories(classes.resolve("META-INF")).resolve("spring.factories");
		Files.writeString(factories, "org.springframework.boot.SpringApplicationRunListener="
				+ "dev.hotrestart.sample.probe.StartupProbeListener\n");
		return classes;
	}

	/**
	 * Return the main thread's CPU time the probe printed.
	 * @param output the application's output
	 * @return the milliseconds, or -1 if the probe has not printed yet
	 */
	static long mainThreadCpuMillis(String output) {
		return millis(MAIN_THREAD, output);
	}

	/**
	 * Return the CPU time spent auto-proxying that the probe printed.
	 * @param output the application's output
	 * @return the milliseconds, or -1 if the probe did not measure it (no AspectJ)
	 */
	static long autoProxyingCpuMillis(String output) {
		return millis(AUTO_PROXYING, output);
	}

	/**
	 * Return the number of proxies made while auto-proxying that the probe printed.
	 * @param output the application's output
	 * @return the number, or -1 if the probe did not measure it (no AspectJ)
	 */
	static long proxies(String output) {
		Matcher matcher = AUTO_PROXYING.matcher(output);
		return matcher.find() ? Long.parseLong(matcher.group(2)) : -1;
	}

	private static long millis(Pattern line, String output) {
		Matcher matcher = line.matcher(output);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

}

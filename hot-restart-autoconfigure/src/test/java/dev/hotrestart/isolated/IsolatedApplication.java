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

package dev.hotrestart.isolated;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

import dev.hotrestart.HotRestart;
import dev.hotrestart.park.ParkedCall;
import dev.hotrestart.park.ParkingLot;
import dev.hotrestart.reload.InstrumentationProvider;
import dev.hotrestart.reload.InstrumentationUnavailableException;
import dev.hotrestart.resume.ContinueResult;
import dev.hotrestart.resume.ParkedCallActions;

import static org.awaitility.Awaitility.await;

/**
 * A small application started by {@link MissingOptionalPartsStartupTests} inside a class
 * loader that lacks some of hot restart's optional dependencies, as a user's application
 * without them would be. Its one advised method fails on its first attempt; the start-up
 * parks it and continues it, checks the signatures of hot restart's configuration classes
 * in the context, and reports what happened.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class IsolatedApplication {

	@Bean
	Job job() {
		return new Job();
	}

	/**
	 * Start the application, park a failing call, continue it, and stop. Called by
	 * reflection from outside the isolated class loader.
	 * @param webApplicationType {@code NONE}, {@code SERVLET} or {@code REACTIVE}
	 * @param reloadOnContinue whether continue reloads changed classes first; the class
	 * directories hot restart watches are those of this JVM's class path, which other
	 * tests rewrite, so without a way to redefine classes continue only calls again
	 * @return what happened, for the test to check: the result of the continued call, the
	 * names of hot restart's beans, and whether classes can be redefined
	 * @throws Exception if anything fails, which the test reports
	 */
	public static String startParkAndContinue(String webApplicationType, boolean reloadOnContinue) throws Exception {
		keepTomcatOffTheJvmWideUrlHandlerFactory();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IsolatedApplication.class)
			.web(WebApplicationType.valueOf(webApplicationType))
			.logStartupInfo(false)
			.run("--hot-restart.enabled=true", "--server.port=0", "--spring.main.banner-mode=off",
					"--logging.level.root=warn", "--hot-restart.terminal=false",
					"--hot-restart.reload-on-continue=" + reloadOnContinue)) {
			CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> context.getBean(Job.class).run("x"));
			ParkingLot lot = context.getBean(ParkingLot.class);
			await().atMost(Duration.ofSeconds(60)).until(() -> lot.getCalls().stream().anyMatch(ParkedCall::isWaiting));
			ContinueResult continued = context.getBean(ParkedCallActions.class)
				.continueCall(lot.getCalls().get(0).getId());
			List<String> report = new ArrayList<>();
			report.add(continued.kind().value());
			report.add(result.get(30, TimeUnit.SECONDS));
			Set<String> beans = new TreeSet<>();
			Arrays.stream(context.getBeanDefinitionNames())
				.filter((name) -> name.startsWith("hotRestart"))
				.forEach(beans::add);
			report.add(String.join(",", beans));
			report.add(redefinition(context.getBean(InstrumentationProvider.class)));
			checkSignaturesOfConfigurations(context);
			return String.join(";", report);
		}
	}

	private static String redefinition(InstrumentationProvider instrumentation) {
		try {
			instrumentation.get();
			return "redefinition available";
		}
		catch (InstrumentationUnavailableException ex) {
			return ex.getMessage();
		}
	}

	/**
	 * Tomcat registers a URL stream handler factory for the whole JVM, once; the test
	 * runner's own Tomcat may have done so already, from another class loader.
	 */
	private static void keepTomcatOffTheJvmWideUrlHandlerFactory() throws ReflectiveOperationException {
		String factory = "org.apache.catalina.webresources.TomcatURLStreamHandlerFactory";
		ClassLoader loader = IsolatedApplication.class.getClassLoader();
		if (ClassUtils.isPresent(factory, loader)) {
			ClassUtils.forName(factory, loader).getMethod("disable").invoke(null);
		}
	}

	/**
	 * Load every type that the methods of hot restart's configuration classes in this
	 * context name, type arguments included ({@code ObjectProvider<T>}), as Spring may
	 * when it introspects them: none may be missing.
	 */
	private static void checkSignaturesOfConfigurations(ConfigurableApplicationContext context) {
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(name);
			if (type != null && type.getName().startsWith("dev.hotrestart.autoconfigure.")) {
				for (Method method : type.getDeclaredMethods()) {
					try {
						Arrays.stream(method.getGenericParameterTypes()).forEach(IsolatedApplication::load);
						load(method.getGenericReturnType());
					}
					catch (TypeNotPresentException | LinkageError ex) {
						throw new IllegalStateException(method + " names a type that is missing", ex);
					}
				}
			}
		}
	}

	private static void load(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			load(parameterized.getRawType());
			Arrays.stream(parameterized.getActualTypeArguments()).forEach(IsolatedApplication::load);
		}
		else if (type instanceof WildcardType wildcard) {
			Arrays.stream(wildcard.getUpperBounds()).forEach(IsolatedApplication::load);
			Arrays.stream(wildcard.getLowerBounds()).forEach(IsolatedApplication::load);
		}
		else if (type instanceof GenericArrayType array) {
			load(array.getGenericComponentType());
		}
		else if (type instanceof Class<?> loaded) {
			// Loading a class loads its supertypes, which must be present too
			loaded.getInterfaces();
		}
	}

	/**
	 * Fails the first attempt for each key.
	 */
	public static class Job {

		private final Set<String> attempted = ConcurrentHashMap.newKeySet();

		@HotRestart
		public String run(String key) {
			if (this.attempted.add(key)) {
				throw new IllegalStateException("First attempt of " + key + " fails");
			}
			return "done " + key;
		}

	}

}

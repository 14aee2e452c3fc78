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

package dev.hotrestart.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.hotrestart.connection.ClientConnectionValve;

/**
 * What every request pays on Tomcat for hot restart to know its connection: a request
 * through the {@link ClientConnectionValve} into a valve that only reads the request's
 * attribute, against a request straight into that valve; and a request that carries an
 * {@code X-Forwarded-For} header, as one from a proxy does.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ClientConnectionValveBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class ClientConnectionValveBenchmark {

	private Exchange local;

	private Exchange forwarded;

	private Valve withValve;

	private Valve withoutValve;

	@Setup
	public void createRequests() {
		this.local = new Exchange(false);
		this.forwarded = new Exchange(true);
		this.withoutValve = new AttributeReader();
		ClientConnectionValve valve = new ClientConnectionValve();
		valve.setNext(new AttributeReader());
		this.withValve = valve;
	}

	@Benchmark
	public Object requestWithoutTheValve() throws Exception {
		return this.local.through(this.withoutValve);
	}

	@Benchmark
	public Object requestThroughTheValve() throws Exception {
		return this.local.through(this.withValve);
	}

	@Benchmark
	public Object forwardedRequestThroughTheValve() throws Exception {
		return this.forwarded.through(this.withValve);
	}

	/**
	 * A request to {@code localhost}, from a proxy on this machine when forwarded, and
	 * its response.
	 */
	static final class Exchange {

		private final Request request;

		private final Response response;

		Exchange(boolean forwarded) {
			org.apache.coyote.Request coyoteRequest = new org.apache.coyote.Request();
			coyoteRequest.peerAddr().setString("127.0.0.1");
			coyoteRequest.remoteAddr().setString("127.0.0.1");
			coyoteRequest.method().setString("GET");
			coyoteRequest.requestURI().setString("/quotes/WIDGET");
			coyoteRequest.getMimeHeaders().addValue("Host").setString("localhost:8080");
			coyoteRequest.getMimeHeaders().addValue("Accept").setString("application/json");
			coyoteRequest.getMimeHeaders().addValue("User-Agent").setString("curl/8.5.0");
			if (forwarded) {
				coyoteRequest.getMimeHeaders().addValue("X-Forwarded-For").setString("127.0.0.1");
			}
			org.apache.coyote.Response coyoteResponse = new org.apache.coyote.Response();
			coyoteRequest.setResponse(coyoteResponse);
			this.request = new Request(new Connector("HTTP/1.1"), coyoteRequest);
			this.response = new Response(coyoteResponse);
			this.request.setResponse(this.response);
			this.response.setRequest(this.request);
		}

		Object through(Valve valve) throws IOException, ServletException {
			valve.invoke(this.request, this.response);
			return this.request.getAttribute(AttributeReader.ATTRIBUTE);
		}

	}

	/**
	 * Stands for the rest of the pipeline: reads the attribute, as nothing else does on a
	 * request that never parks.
	 */
	static final class AttributeReader extends ValveBase {

		static final String ATTRIBUTE = "dev.hotrestart.connection.ClientConnection";

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			request.getAttribute(ATTRIBUTE);
		}

	}

}

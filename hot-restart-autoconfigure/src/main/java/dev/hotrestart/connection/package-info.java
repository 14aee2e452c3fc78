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

/**
 * The client at the other end of a web request, judged by the connection's real peer
 * rather than by forwarded headers: whether it is this machine, and whether it is still
 * there. Servlet requests on Tomcat and Jetty, and WebFlux requests on Reactor Netty or a
 * servlet container, are judged alike.
 */
package dev.hotrestart.connection;

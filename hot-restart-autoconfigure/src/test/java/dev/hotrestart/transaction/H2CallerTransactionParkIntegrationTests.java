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

package dev.hotrestart.transaction;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link CallerTransactionParkIntegrationTests} against H2, embedded.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"hot-restart.enabled=true", "hot-restart.park-in-caller-transaction=true", "hot-restart.continue-wait=5s",
		"spring.main.banner-mode=off", "spring.web.error.include-message=always", "spring.sql.init.mode=always",
		"spring.sql.init.schema-locations=classpath:dev/hotrestart/transaction/schema.sql",
		"spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=3000" })
class H2CallerTransactionParkIntegrationTests extends CallerTransactionParkIntegrationTests {

}

package org.civatlas.exchange;

import org.springframework.boot.test.context.SpringBootTest;

/** Exactly-once import commits on the embedded H2GIS database, with a database and data folder of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:civatlas-concurrent-imports;DB_CLOSE_DELAY=-1",
        "civatlas.data-dir=target/test-data/concurrent-imports-h2",
        "civatlas.security.demo-users=true"})
class ConcurrentImportCommitTest extends ConcurrentImportCommitContract {
}

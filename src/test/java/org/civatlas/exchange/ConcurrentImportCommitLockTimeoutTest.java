package org.civatlas.exchange;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same on H2GIS with a lock timeout far shorter than a commit: the commits that give up waiting for the first
 * one's row lock (H2 throws a lock timeout) must be 409 problems too, never 500s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:civatlas-concurrent-imports-timeout;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=50",
        "civatlas.data-dir=target/test-data/concurrent-imports-h2-timeout",
        "civatlas.security.demo-users=true"})
class ConcurrentImportCommitLockTimeoutTest extends ConcurrentImportCommitContract {
}

package org.civatlas.exchange;

import org.civatlas.support.PostgisAvailable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Exactly-once import commits on PostgreSQL + PostGIS, when a test database is given (skipped without
 * CIVATLAS_TEST_POSTGIS_URL, required in CI). It changes units and facilities, so it keeps its tables in a schema
 * of its own (PostGIS stays in public, on the search path): the other PostGIS tests keep the demo data as loaded.
 */
@ExtendWith(PostgisAvailable.class)
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civatlas.demo-data.enabled=true",
        "civatlas.data-dir=target/test-data/concurrent-imports-postgis",
        "civatlas.security.demo-users=true",
        "spring.flyway.schemas=" + PostgisConcurrentImportCommitTest.SCHEMA,
        "spring.flyway.default-schema=" + PostgisConcurrentImportCommitTest.SCHEMA})
class PostgisConcurrentImportCommitTest extends ConcurrentImportCommitContract {

    static final String SCHEMA = "civatlas_import_commits";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgisAvailable.url()
                + (PostgisAvailable.url().contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA + ",public");
        registry.add("spring.datasource.username",
                () -> System.getenv().getOrDefault("CIVATLAS_TEST_POSTGIS_USER", "postgres"));
        registry.add("spring.datasource.password",
                () -> System.getenv().getOrDefault("CIVATLAS_TEST_POSTGIS_PASSWORD", ""));
    }
}

package org.civatlas.contract;

import org.civatlas.support.PostgisAvailable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same API contract on PostgreSQL + PostGIS (the server install), when a test database is given. */
@ExtendWith(PostgisAvailable.class)
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civatlas.demo-data.enabled=true",
        "civatlas.security.demo-users=true"})
class PostgisApiTest extends ApiContractTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgisAvailable::url);
        registry.add("spring.datasource.username",
                () -> System.getenv().getOrDefault("CIVATLAS_TEST_POSTGIS_USER", "postgres"));
        registry.add("spring.datasource.password",
                () -> System.getenv().getOrDefault("CIVATLAS_TEST_POSTGIS_PASSWORD", ""));
    }
}

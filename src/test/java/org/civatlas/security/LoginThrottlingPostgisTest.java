package org.civatlas.security;

import org.civatlas.support.PostgisAvailable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Login throttling on PostgreSQL (the server install, where several nodes share the counts). */
@ExtendWith(PostgisAvailable.class)
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civatlas.demo-data.enabled=false",
        "civatlas.security.demo-users=true"})
class LoginThrottlingPostgisTest extends LoginThrottlingTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgisAvailable::url);
        registry.add("spring.datasource.username",
                () -> System.getenv().getOrDefault("CIVATLAS_TEST_POSTGIS_USER", "postgres"));
        registry.add("spring.datasource.password",
                () -> System.getenv().getOrDefault("CIVATLAS_TEST_POSTGIS_PASSWORD", ""));
    }
}

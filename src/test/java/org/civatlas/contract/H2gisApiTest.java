package org.civatlas.contract;

import org.springframework.boot.test.context.SpringBootTest;

/** The API contract on the embedded H2GIS database (the default install). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:civatlas-api;DB_CLOSE_DELAY=-1",
        "civatlas.security.demo-users=true"})
class H2gisApiTest extends ApiContractTests {
}

package org.civatlas.security;

import org.springframework.boot.test.context.SpringBootTest;

/** Login throttling on the embedded database (same context as {@link SecurityHardeningTest}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:civatlas-sec;DB_CLOSE_DELAY=-1",
        "civatlas.security.demo-users=true",
        "civatlas.site.base-layer-url=https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"})
class LoginThrottlingH2Test extends LoginThrottlingTests {
}

package org.civatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.civatlas.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the security audit checked, as a user would check it: response headers, cookies, the answer to an
 * anonymous write from a client that keeps cookies, and which facility fields the public export carries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:civatlas-sec;DB_CLOSE_DELAY=-1",
        "civatlas.security.demo-users=true",
        "civatlas.site.base-layer-url=https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"})
class SecurityHardeningTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    // --- anonymous writes are 401 even when the client keeps cookies ------------------------------------------

    @Test
    void anAnonymousWriteWithACookieButNoCsrfTokenIsA401() {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/divisions/653122200201"))
                .header("Content-Type", "application/json").header("Cookie", "JSESSIONID=stale-session")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"population\":1}")).build();
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(response.body()).contains("需要登录").contains("authentication required");

        Browser anonymous = new Browser(port);
        anonymous.get("/login.html");
        assertThat(anonymous.patchJson("/api/divisions/653122200201", "{\"population\":1}", false).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aLoggedInWriteWithoutCsrfTokenIsStillA403AndWithTheTokenItWorks() {
        Browser admin = new Browser(port);
        assertThat(admin.login("admin", "admin").statusCode()).isEqualTo(302);
        HttpResponse<String> noToken = admin.patchJson("/api/divisions/653122200204", "{\"population\":77}", false);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF");
        HttpResponse<String> withToken = admin.patchJson("/api/divisions/653122200204", "{\"population\":77}", true);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
    }

    private static HttpResponse<String> send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

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

    // --- Content-Security-Policy and Referrer-Policy -----------------------------------------------------

    @Test
    void pagesAndApiAnswersCarryAStrictContentSecurityPolicyAndAReferrerPolicy() {
        for (String path : List.of("/", "/login.html", "/api/me", "/ogc")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'", "object-src 'none'", "base-uri 'self'",
                    "frame-ancestors 'none'", "form-action 'self'",
                    // the optional base map's origin, with its {s} sub-domains
                    "img-src 'self' data: blob: https://*.tile.openstreetmap.org");
            String scriptSrc = Arrays.stream(csp.split(";")).map(String::strip)
                    .filter(d -> d.startsWith("script-src")).findFirst().orElse("");
            assertThat(scriptSrc).as(path).isEqualTo("script-src 'self'");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
                    .hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void thePagesHaveNoInlineScriptsOrEventHandlersThatTheirPolicyWouldBlock() {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        for (String path : List.of("/", "/login.html")) {
            String page = http.get(path).body();
            assertThat(inlineScript.matcher(page).find()).as(path + " has an inline <script>").isFalse();
            assertThat(handler.matcher(page).find()).as(path + " has an inline event handler").isFalse();
            assertThat(page).as(path).doesNotContain("<style", "javascript:");
        }
    }

    // --- SameSite cookies ---------------------------------------------------------------------------------

    @Test
    void theSessionAndCsrfCookiesAreSameSiteLax() {
        Browser browser = new Browser(port);
        HttpResponse<String> page = browser.get("/login.html");
        assertThat(setCookie(page, "XSRF-TOKEN")).containsIgnoringCase("SameSite=Lax");
        HttpResponse<String> login = browser.login("planner", "planner");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        // the session cookie of Spring Session (sessions are kept in the database, shared by every node)
        assertThat(setCookie(login, "SESSION")).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    private static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElse("(no " + name + " cookie set)");
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
        long version = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(admin.get("/api/divisions/653122200204").body()).path("version").asLong();
        HttpResponse<String> withToken = admin.patchJson("/api/divisions/653122200204",
                "{\"population\":77,\"version\":" + version + "}", true);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
    }

    private static HttpResponse<String> send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- what the public facilities export carries (README "API" and "Importing facilities") -------------------

    @Test
    void thePublicFacilitiesExportCarriesTheFacilityNumberButNotTheStaffFields() {
        List<String> staffOnly = List.of("ext_id", "planned_on", "started_on", "opened_on", "closed_on", "beds",
                "nurse_beds", "floor_m2", "staff");
        List<String> publicHeader = csvHeader(http.get("/api/exports/facilities?format=csv"));
        assertThat(publicHeader).contains("atlas_id", "name", "type", "status").doesNotContainAnyElementsOf(staffOnly);
        List<String> staffHeader = csvHeader(http.get("/api/exports/facilities?format=csv", "planner", "planner"));
        assertThat(staffHeader).contains("atlas_id").containsAll(staffOnly);
        // atlas_id is the number /api/facilities and the OGC items show everyone
        String firstRow = http.get("/api/exports/facilities?format=csv").body().lines().skip(1).findFirst().orElseThrow();
        String atlasId = cells(firstRow).get(publicHeader.indexOf("atlas_id"));
        assertThat(http.get("/api/facilities/" + atlasId).status()).isEqualTo(200);
        assertThat(http.get("/ogc/collections/facilities/items/" + atlasId).status()).isEqualTo(200);
    }

    private static List<String> csvHeader(Http.Response response) {
        assertThat(response.status()).isEqualTo(200);
        return cells(response.body().replace("\uFEFF", "").lines().findFirst().orElseThrow());
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split(",")).map(c -> c.strip().replace("\"", "")).toList();
    }
}

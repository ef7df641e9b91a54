package org.civatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which base-map origins the Content-Security-Policy admits for images. */
class ContentSecurityPolicyTest {

    @Test
    void theBaseMapOriginIsTakenFromItsTileUrlWithSubDomainPlaceholdersAsAWildcard() {
        assertThat(SecurityConfig.baseLayerOrigin("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://*.tile.openstreetmap.org");
        assertThat(SecurityConfig.baseLayerOrigin(
                "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY"))
                .isEqualTo("https://*.tianditu.gov.cn");
        assertThat(SecurityConfig.baseLayerOrigin("http://tiles.example.org:8081/{z}/{x}/{y}.png"))
                .isEqualTo("http://tiles.example.org:8081");
        assertThat(SecurityConfig.baseLayerOrigin("/tiles/base/{z}/{x}/{y}.png")).isNull();
        assertThat(SecurityConfig.baseLayerOrigin("")).isNull();
        assertThat(SecurityConfig.baseLayerOrigin(null)).isNull();
    }

    @Test
    void aBaseMapUrlCannotAddDirectivesToThePolicy() {
        assertThat(SecurityConfig.baseLayerOrigin("https://evil.example; script-src *")).isNull();
        assertThat(SecurityConfig.baseLayerOrigin("https://a.example 'unsafe-inline'/{z}")).isNull();
        assertThat(SecurityConfig.contentSecurityPolicy("https://evil.example; script-src *"))
                .doesNotContain("evil").contains("script-src 'self';");
        assertThat(SecurityConfig.contentSecurityPolicy(null))
                .contains("img-src 'self' data: blob:; ");
    }
}

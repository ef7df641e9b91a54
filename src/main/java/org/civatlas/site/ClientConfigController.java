package org.civatlas.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civatlas.security.DemoAccounts;
import org.civatlas.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The installation's settings for the web page; demo accounts are listed only on the embedded demo. */
@RestController
@EnableConfigurationProperties(SiteProperties.class)
class ClientConfigController {

    private final SiteProperties site;
    private final SecurityProperties security;

    ClientConfigController(SiteProperties site, SecurityProperties security) {
        this.site = site;
        this.security = security;
    }

    @GetMapping("/api/config")
    Map<String, Object> config() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", site.title());
        body.put("countyCode", site.countyCode());
        body.put("baseLayer", site.baseLayerUrl() == null || site.baseLayerUrl().isBlank() ? null
                : Map.of("url", site.baseLayerUrl(),
                        "attribution", site.baseLayerAttribution() == null ? "" : site.baseLayerAttribution()));
        body.put("demoUsers", security.demoUsers() ? DemoAccounts.ALL : List.of());
        return body;
    }
}

package org.civatlas.site;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the web page needs to know about this installation.
 *
 * @param title           page title
 * @param countyCode      12-digit code of the county this atlas is for (the map opens on it)
 * @param baseLayerUrl    optional XYZ tile URL of a base map; none by default, the map works offline
 * @param baseLayerAttribution attribution shown for that base map
 */
@ConfigurationProperties("civatlas.site")
public record SiteProperties(String title, String countyCode, String baseLayerUrl, String baseLayerAttribution) {
}

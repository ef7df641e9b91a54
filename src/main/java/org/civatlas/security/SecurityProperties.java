package org.civatlas.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoUsers     create the demo accounts (embedded demo only; off on a server install)
 * @param adminPassword the initial ADMIN password on a server install; required there and not a default
 */
@ConfigurationProperties("civatlas.security")
public record SecurityProperties(boolean demoUsers, String adminPassword) {
}

package org.civatlas.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoUsers     create the demo accounts (embedded demo only; off on a server install)
 * @param adminPassword the initial ADMIN password on a server install; required there, not a default and not
 *                      easy to guess
 * @param login         login throttling
 */
@ConfigurationProperties("civatlas.security")
public record SecurityProperties(boolean demoUsers, String adminPassword, @DefaultValue Login login) {

    /**
     * Login throttling: {@code maxFailures} failed logins for one user name within {@code window} lock that user
     * name for {@code lockout}, during which its logins are refused (429) even with the right password.
     */
    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration lockout) {

        public Login {
            if (maxFailures < 1 || window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
                throw new IllegalArgumentException("civatlas.security.login: max-failures must be at least 1 and "
                        + "window and lockout positive durations (e.g. 15m)");
            }
        }
    }
}

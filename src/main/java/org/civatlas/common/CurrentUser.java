package org.civatlas.common;

import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the name recorded with every write, and whether a request comes from staff. */
public final class CurrentUser {

    /** The name recorded for work done without a logged-in user (start-up tasks such as the demo load). */
    public static final String SYSTEM = "system";

    private CurrentUser() {
    }

    /** The logged-in user's name, or {@link #SYSTEM}. */
    public static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return isStaff(auth) ? auth.getName() : SYSTEM;
    }

    /** Logged in with any role (staff of the bureau), as opposed to an anonymous visitor. */
    public static boolean isStaff(Authentication auth) {
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** Has one of the roles (names without the ROLE_ prefix). */
    public static boolean hasAnyRole(Authentication auth, String... roles) {
        if (!isStaff(auth)) {
            return false;
        }
        Set<String> wanted = Set.of(roles);
        return auth.getAuthorities().stream().map(a -> a.getAuthority())
                .anyMatch(a -> a.startsWith("ROLE_") && wanted.contains(a.substring(5)));
    }
}

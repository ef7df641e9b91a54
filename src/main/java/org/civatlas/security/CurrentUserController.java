package org.civatlas.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civatlas.common.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in, for the web page. */
@RestController
class CurrentUserController {

    @GetMapping("/api/me")
    Map<String, Object> me(Authentication authentication) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean authenticated = CurrentUser.isStaff(authentication);
        body.put("authenticated", authenticated);
        if (authenticated) {
            body.put("username", authentication.getName());
            List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
            body.put("roles", roles);
        }
        return body;
    }
}

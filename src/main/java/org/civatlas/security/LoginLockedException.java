package org.civatlas.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** A login refused because its user name had too many failed logins; answered 429 with Retry-After. */
class LoginLockedException extends LockedException {

    private final Duration retryAfter;

    LoginLockedException(Duration retryAfter) {
        super("too many failed logins");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}

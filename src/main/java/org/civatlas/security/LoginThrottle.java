package org.civatlas.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Login throttling. Failed logins (Spring Security's bad-credentials events, for a known or an unknown user name
 * alike, so the answer never tells whether a name exists) are counted per user name in the database table
 * {@code login_failure}, which every node shares. {@code maxFailures} within {@code window} lock the name for
 * {@code lockout}: {@link #guard} refuses it before its password is checked. Failures during a lock neither count
 * nor extend it, so nobody can keep an account locked longer than one cool-down per burst of failures; a successful
 * login clears the count.
 */
@Component
class LoginThrottle {

    private static final long CLEANUP_EVERY_MS = 60_000;

    private final JdbcTemplate jdbc;
    private final SecurityProperties.Login settings;
    private final Clock clock;
    private final AtomicLong nextCleanup = new AtomicLong();

    @Autowired
    LoginThrottle(DataSource dataSource, SecurityProperties properties) {
        this(dataSource, properties.login(), Clock.systemUTC());
    }

    LoginThrottle(DataSource dataSource, SecurityProperties.Login settings, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.settings = settings;
        this.clock = clock;
    }

    /** The provider, refusing a locked user name ({@link LoginLockedException}) before it checks anything. */
    AuthenticationProvider guard(AuthenticationProvider passwords) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                Optional<Duration> locked = lockedFor(authentication.getName());
                if (locked.isPresent()) {
                    throw new LoginLockedException(locked.get());
                }
                return passwords.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwords.supports(authentication);
            }
        };
    }

    /** How much longer the user name is locked, or empty when it is not. */
    Optional<Duration> lockedFor(String username) {
        long now = clock.millis();
        List<Long> until = jdbc.queryForList("select locked_until from login_failure where user_key = ?", Long.class,
                key(username));
        if (until.isEmpty() || until.get(0) == null || until.get(0) <= now) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(until.get(0) - now));
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    /** Counts a failed login; the statements are atomic per row, so nodes failing at once count every failure. */
    void failed(String username) {
        String key = key(username);
        long now = clock.millis();
        long windowStart = now - settings.window().toMillis();
        for (int attempt = 0; attempt < 2; attempt++) {
            // a count older than the window, or after an ended lock, starts again at 1; a locked row is left alone
            int updated = jdbc.update("update login_failure set "
                    + "failures = case when locked_until is not null or first_failure <= ? then 1 else failures + 1 end, "
                    + "first_failure = case when locked_until is not null or first_failure <= ? then ? else first_failure end, "
                    + "locked_until = null "
                    + "where user_key = ? and (locked_until is null or locked_until <= ?)",
                    windowStart, windowStart, now, key, now);
            if (updated == 1 || inserted(key, now)) {
                jdbc.update("update login_failure set locked_until = ? "
                        + "where user_key = ? and locked_until is null and failures >= ?",
                        now + settings.lockout().toMillis(), key, settings.maxFailures());
                break;
            }
            // the row exists: locked (nothing to do), or another node inserted it just now (count again)
        }
        cleanUp(now);
    }

    /** A successful login clears the user name's count. */
    void succeeded(String username) {
        jdbc.update("delete from login_failure where user_key = ?", key(username));
    }

    private boolean inserted(String key, long now) {
        try {
            jdbc.update("insert into login_failure (user_key, failures, first_failure) values (?, 1, ?)", key, now);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    /** At most once a minute per node: rows whose count has run out of its window or whose lock has ended. */
    private void cleanUp(long now) {
        long due = nextCleanup.get();
        if (now < due || !nextCleanup.compareAndSet(due, now + CLEANUP_EVERY_MS)) {
            return;
        }
        jdbc.update("delete from login_failure where (locked_until is null and first_failure <= ?) "
                + "or locked_until <= ?", now - settings.window().toMillis(), now);
    }

    /** The SHA-256 of the lower-cased user name: what the table keeps instead of the name. */
    static String key(String username) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    (username == null ? "" : username).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

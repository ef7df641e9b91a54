package org.civatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.civatlas.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * Login throttling over real HTTP, with users of its own (never the demo accounts other tests log in with):
 * five failed logins for one user name within the window lock it for the cool-down, even for the right password,
 * by HTTP Basic and by the login form alike; run on H2 and on PostgreSQL, where the counts are kept.
 */
abstract class LoginThrottlingTests {

    static final String PASSWORD = "Correct-horse-9-battery";

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder encoder;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    String newUser() {
        String name = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        users.createUser(User.withUsername(name).password(encoder.encode(PASSWORD)).roles(Role.PLANNER.name()).build());
        return name;
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        String name = newUser();
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/me", name, "wrong-" + i).status()).isEqualTo(401);
        }
        Http.Response refused = http.get("/api/me", name, PASSWORD);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(refused.json().path("detail").asString()).startsWith("登录失败次数过多，请 15 分钟后再试")
                .contains("too many failed logins, try again in 15 minutes");
        assertThat(refused.json().path("status").asInt()).isEqualTo(429);
        assertThat(http.get("/api/me", name, "wrong-again").status()).isEqualTo(429);
        // another account is not affected
        assertThat(http.get("/api/me", newUser(), PASSWORD).json().path("authenticated").asBoolean()).isTrue();
    }

    @Test
    void anUnknownUserNameIsAnsweredExactlyLikeAKnownOne() {
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String known = newUser();
        for (int i = 0; i < 5; i++) {
            Http.Response u = http.get("/api/me", unknown, "wrong");
            Http.Response k = http.get("/api/me", known, "wrong");
            assertThat(u.status()).isEqualTo(k.status()).isEqualTo(401);
            assertThat(u.body()).isEqualTo(k.body());
        }
        Http.Response u = http.get("/api/me", unknown, "wrong");
        Http.Response k = http.get("/api/me", known, "wrong");
        assertThat(u.status()).isEqualTo(k.status()).isEqualTo(429);
        assertThat(u.json().path("detail")).isEqualTo(k.json().path("detail"));
    }

    @Test
    void theLoginFormCountsTooAndItsLockHoldsForHttpBasic() {
        String name = newUser();
        Browser browser = new Browser(port);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = browser.login(name, "wrong-" + i);
            assertThat(wrong.statusCode()).isEqualTo(302);
            assertThat(wrong.headers().firstValue("Location").orElse("")).contains("login.html?error");
        }
        HttpResponse<String> refused = browser.login(name, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("登录失败次数过多").contains("too many failed logins");
        assertThat(http.get("/api/me", name, PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        String name = newUser();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(http.get("/api/me", name, "wrong").status()).isEqualTo(401);
            }
            assertThat(http.get("/api/me", name, PASSWORD).status()).isEqualTo(200);
        }
        assertThat(new Browser(port).login(name, PASSWORD).headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
    }

    // --- the counting over time, on the same database, with a clock of its own --------------------------------

    @Autowired
    DataSource dataSource;

    static final class TestClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    LoginThrottle throttle(TestClock clock) {
        return new LoginThrottle(dataSource, new SecurityProperties.Login(5, Duration.ofMinutes(15),
                Duration.ofMinutes(15)), clock);
    }

    @Test
    void aLockEndsAfterItsCoolDownAndFailuresDuringItNeitherCountNorExtendIt() {
        TestClock clock = new TestClock();
        LoginThrottle throttle = throttle(clock);
        String name = "clock-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            throttle.failed(name);
        }
        assertThat(throttle.lockedFor(name)).isEmpty();
        throttle.failed(name);
        assertThat(throttle.lockedFor(name)).hasValue(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 20; i++) {
            throttle.failed(name);
        }
        assertThat(throttle.lockedFor(name)).hasValue(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.lockedFor(name)).isEmpty();
        // after the cool-down the count starts again
        for (int i = 0; i < 4; i++) {
            throttle.failed(name);
        }
        assertThat(throttle.lockedFor(name)).isEmpty();
        throttle.failed(name);
        assertThat(throttle.lockedFor(name)).isPresent();
    }

    @Test
    void failuresFurtherApartThanTheWindowDoNotAddUpAndSuccessClears() {
        TestClock clock = new TestClock();
        LoginThrottle throttle = throttle(clock);
        String name = "Clock-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            throttle.failed(name);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            throttle.failed(name.toUpperCase()); // the same user name, typed in capitals
        }
        assertThat(throttle.lockedFor(name)).isEmpty();
        throttle.succeeded(name);
        for (int i = 0; i < 4; i++) {
            throttle.failed(name);
        }
        assertThat(throttle.lockedFor(name)).isEmpty();
        throttle.failed(name);
        assertThat(throttle.lockedFor(name.toLowerCase())).isPresent();
    }
}

package org.civatlas.security;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Creates the users at start: the demo accounts on the embedded demo; otherwise only "admin", whose password
 * must be configured, must not be a well-known default and must not be easy to guess (zxcvbn). A server with a weak
 * admin password does not start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UserBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);
    static final Set<String> DEFAULT_PASSWORDS = Set.of("admin", "password", "changeme", "change-me", "secret",
            "civatlas", "123456", "12345678", "admin123", "postgres");
    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
    /** zxcvbn's score from 0 (too guessable) to 4 (very unguessable): 3 is "safely unguessable", about 10^10 guesses. */
    static final int MIN_ADMIN_PASSWORD_SCORE = 3;
    /** Words an attacker of this installation would try first. */
    private static final List<String> SITE_WORDS = List.of("civatlas", "admin", "administrator", "minzheng", "shule",
            "atlas", "postgres", "postgis");

    private final UserDetailsManager users;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;

    UserBootstrap(UserDetailsManager users, PasswordEncoder encoder, SecurityProperties properties) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demoUsers()) {
            for (DemoAccounts.Account account : DemoAccounts.ALL) {
                if (!users.userExists(account.username())) {
                    users.createUser(user(account.username(), account.password(),
                            account.roles().stream().map(Role::name).toArray(String[]::new)));
                }
            }
            log.warn("Demo accounts are enabled (civatlas.security.demo-users=true): for the embedded demo only");
            return;
        }
        String password = requireStrongAdminPassword(properties.adminPassword());
        if (users.userExists("admin")) {
            users.updateUser(user("admin", password, Role.ADMIN.name()));
        } else {
            users.createUser(user("admin", password, Role.ADMIN.name()));
        }
    }

    static String requireStrongAdminPassword(String password) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("No admin password configured: set CIVATLAS_ADMIN_PASSWORD "
                    + "(civatlas.security.admin-password) before starting a server install");
        }
        if (DEFAULT_PASSWORDS.contains(password.strip().toLowerCase()) || password.length() < MIN_ADMIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("The configured admin password is a default or shorter than "
                    + MIN_ADMIN_PASSWORD_LENGTH + " characters: choose a strong CIVATLAS_ADMIN_PASSWORD");
        }
        Strength strength = new Zxcvbn().measure(password, SITE_WORDS);
        if (strength.getScore() < MIN_ADMIN_PASSWORD_SCORE) {
            Feedback feedback = strength.getFeedback();
            String why = Stream.concat(Stream.of(feedback.getWarning()), feedback.getSuggestions().stream())
                    .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
            throw new IllegalStateException("管理员密码太容易被猜到，请设置更强的 CIVATLAS_ADMIN_PASSWORD / The configured "
                    + "admin password is too easy to guess (zxcvbn strength " + strength.getScore() + " of 4, at least "
                    + MIN_ADMIN_PASSWORD_SCORE + " needed)" + (why.isEmpty() ? "" : ": " + why)
                    + " Choose a stronger CIVATLAS_ADMIN_PASSWORD, e.g. four or five unrelated words");
        }
        return password;
    }

    private UserDetails user(String username, String password, String... roles) {
        return User.withUsername(username).password(encoder.encode(password)).roles(roles).build();
    }
}

package org.civatlas.security;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may do what. Public layers are readable by anyone; every write needs a role. The web page logs in with a
 * form (session cookie, CSRF token in the XSRF-TOKEN cookie); API clients use HTTP Basic. API errors are
 * problem responses: 401 without credentials, 403 with the wrong role, 429 for a user name locked after too many
 * failed logins ({@link LoginThrottle}).
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /** An XYZ tile URL: scheme, an optional first host label with a placeholder ("{s}", "t{s}"), host, port. */
    private static final Pattern TILE_URL = Pattern.compile(
            "(?i)(https?)://([a-z0-9-]*\\{[a-z]+\\}[a-z0-9-]*\\.)?([a-z0-9.-]+)(:\\d+)?([/?#].*)?");

    private static final String[] STAFF = {Role.PLANNER.name(), Role.NAME_OFFICER.name(),
            Role.BOUNDARY_OFFICER.name(), Role.ADMIN.name()};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemSecurityHandlers problems,
            LoginThrottle throttle, UserDetailsService users, PasswordEncoder encoder,
            ApplicationEventPublisher events, @Value("${civatlas.site.base-layer-url:}") String baseLayerUrl)
            throws Exception {
        RequestMatcher api = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/api/") || path.startsWith("/ogc") || path.startsWith("/actuator");
        };
        // CSRF guards requests that a browser sends with the session cookie. API calls with HTTP Basic, or
        // without any session, carry no ambient credentials: they get a 401/403, not a CSRF failure.
        RequestMatcher noAmbientCredentials = request -> {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return true;
            }
            return api.matches(request) && request.getRequestedSessionId() == null;
        };
        // One authentication manager for the form and HTTP Basic: a locked user name is refused before its
        // password is checked; the manager's success and bad-credentials events feed the throttle's counts.
        ProviderManager authentication = new ProviderManager(throttle.guard(passwordProvider(users, encoder)));
        authentication.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        LinkedHashMap<Class<? extends AuthenticationException>, AuthenticationFailureHandler> lockedLogin =
                new LinkedHashMap<>();
        lockedLogin.put(LoginLockedException.class, problems::tooManyFailedLogins);
        http
                .authenticationManager(authentication)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/login.html", "/css/**", "/js/**",
                                "/img/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/ogc", "/ogc/**", "/tiles/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/ogc", "/ogc/**", "/tiles/**", "/api/exports/**",
                                "/api/places/export").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/config", "/api/me").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/divisions/*/history").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/divisions/**").permitAll()
                        .requestMatchers(HttpMethod.PATCH, "/api/divisions/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/facilities", "/api/facilities/*", "/api/facility-types")
                        .permitAll()
                        .requestMatchers("/api/facilities", "/api/facilities/**")
                        .hasAnyRole(Role.PLANNER.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/coverage", "/api/targets", "/api/targets/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/boundaries/disputes", "/api/boundaries/disputes/**",
                                "/api/boundaries/inspections/**").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/boundaries/**").permitAll()
                        .requestMatchers("/api/boundaries/**")
                        .hasAnyRole(Role.BOUNDARY_OFFICER.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/exports/**").permitAll()
                        // which layer a role may import is checked per layer by exchange.ImportService:
                        // divisions ADMIN and the officers, facilities PLANNER and ADMIN (as for editing them)
                        .requestMatchers("/api/imports", "/api/imports/**").hasAnyRole(Role.ADMIN.name(),
                                Role.NAME_OFFICER.name(), Role.BOUNDARY_OFFICER.name(), Role.PLANNER.name())
                        .requestMatchers(HttpMethod.GET, "/api/places/**").permitAll()
                        .requestMatchers("/api/places/**", "/api/naming/**")
                        .hasAnyRole(Role.NAME_OFFICER.name(), Role.ADMIN.name())
                        .requestMatchers("/api/targets", "/api/targets/**", "/api/planning/**")
                        .hasAnyRole(Role.PLANNER.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login.html")
                        .loginProcessingUrl("/login")
                        .failureHandler(new DelegatingAuthenticationFailureHandler(lockedLogin,
                                new SimpleUrlAuthenticationFailureHandler("/login.html?error")))
                        .defaultSuccessUrl("/", true)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                // The page reads the token from the XSRF-TOKEN cookie and sends it raw (form field or header);
                // API clients with HTTP Basic carry no session, so CSRF does not apply to them.
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(noAmbientCredentials))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(baseLayerUrl)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login.html"),
                                pathPattern("/**"))
                        .defaultAccessDeniedHandlerFor(problems, api));
        return http.build();
    }

    /** The XSRF-TOKEN cookie, readable by the page's script, and SameSite=Lax as the session cookie. */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    /**
     * Scripts only from this origin (no inline script, no eval), nothing framed or embedded. Styles also allow
     * inline ones: the OGC API's HTML views carry a {@code <style>} element and ECharts writes its tooltips with
     * style attributes. Images may come from the optional base map's origin (its {@code {s}} sub-domains as a
     * wildcard).
     */
    static String contentSecurityPolicy(String baseLayerUrl) {
        String baseMap = baseLayerOrigin(baseLayerUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
                + (baseMap == null ? "" : " " + baseMap)
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /** The origin of an XYZ tile URL as a CSP source ("https://*.tile.example.org"), or null for none or a bad one. */
    static String baseLayerOrigin(String url) {
        if (url == null || url.isBlank() || (url.startsWith("/") && !url.startsWith("//"))) {
            return null; // none, or on this origin
        }
        Matcher m = TILE_URL.matcher(url.strip());
        if (!m.matches()) {
            log.warn("civatlas.site.base-layer-url '{}' is not an http(s) tile URL with a plain host (a {s} "
                    + "sub-domain placeholder is allowed): its tiles are not allowed by the Content-Security-Policy",
                    url);
            return null;
        }
        return m.group(1).toLowerCase(Locale.ROOT) + "://" + (m.group(2) == null ? "" : "*.") + m.group(3)
                .toLowerCase(Locale.ROOT) + (m.group(4) == null ? "" : m.group(4));
    }

    private static DaoAuthenticationProvider passwordProvider(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    JdbcUserDetailsManager userDetailsManager(DataSource dataSource) {
        JdbcUserDetailsManager manager = new JdbcUserDetailsManager(dataSource);
        manager.setUsersByUsernameQuery("select username, password_hash, enabled from app_user where username = ?");
        manager.setAuthoritiesByUsernameQuery("select username, authority from app_user_authority where username = ?");
        manager.setUserExistsSql("select count(*) from app_user where username = ?");
        manager.setCreateUserSql("insert into app_user (username, password_hash, enabled) values (?, ?, ?)");
        manager.setUpdateUserSql("update app_user set password_hash = ?, enabled = ? where username = ?");
        manager.setCreateAuthoritySql("insert into app_user_authority (username, authority) values (?, ?)");
        manager.setDeleteUserAuthoritiesSql("delete from app_user_authority where username = ?");
        manager.setDeleteUserSql("delete from app_user where username = ?");
        manager.setChangePasswordSql("update app_user set password_hash = ? where username = ?");
        return manager;
    }
}

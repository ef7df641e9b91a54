package org.civatlas.security;

import org.civatlas.common.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** 401, 403 and 429 (too many failed logins) as problem responses that say what to do. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

    ProblemSecurityHandlers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseUnavailable.causedBy(e)) {
            // the credentials could not be checked: not the client's fault, and not a reason to ask for others
            response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            writeProblem(response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.body());
            return;
        }
        if (e instanceof LoginLockedException locked) {
            tooManyFailedLogins(request, response, locked);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"civatlas\"");
        write(response, HttpStatus.UNAUTHORIZED, "需要登录：请提供用户名和密码（HTTP Basic）/ authentication "
                + "required: log in or send HTTP Basic credentials");
    }

    /**
     * A refused request from someone not logged in needs authentication, not another role: 401, also when it
     * failed the CSRF check (an anonymous client that keeps cookies has no token to send); 403 otherwise.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || trustResolver.isAnonymous(current)) {
            commence(request, response, new InsufficientAuthenticationException(e.getMessage(), e));
            return;
        }
        if (e instanceof CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "CSRF 令牌缺失或已过期：请刷新页面后重试 / the CSRF token is missing "
                    + "or stale: reload the page and try again (API clients: use HTTP Basic)");
            return;
        }
        write(response, HttpStatus.FORBIDDEN, "当前用户无权执行此操作 / your role does not allow this "
                + request.getMethod() + " " + request.getRequestURI());
    }

    /** A login refused during its user name's cool-down (HTTP Basic or the login form): 429 with Retry-After. */
    void tooManyFailedLogins(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        Duration retryAfter = ((LoginLockedException) e).retryAfter();
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        long minutes = (seconds + 59) / 60;
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, HttpStatus.TOO_MANY_REQUESTS, "登录失败次数过多，请 " + minutes + " 分钟后再试 / too many failed "
                + "logins, try again in " + minutes + (minutes == 1 ? " minute" : " minutes"));
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        writeProblem(response, status, ProblemDetail.forStatusAndDetail(status, detail));
    }

    private void writeProblem(HttpServletResponse response, HttpStatus status, ProblemDetail problem)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }
}

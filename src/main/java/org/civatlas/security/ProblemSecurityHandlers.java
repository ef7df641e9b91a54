package org.civatlas.security;

import org.civatlas.common.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** 401 and 403 for API clients as problem responses that say what to do. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

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
        response.setHeader("WWW-Authenticate", "Basic realm=\"civatlas\"");
        write(response, HttpStatus.UNAUTHORIZED, "需要登录：请提供用户名和密码（HTTP Basic）/ authentication "
                + "required: log in or send HTTP Basic credentials");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "CSRF 令牌缺失或已过期：请刷新页面后重试 / the CSRF token is missing "
                    + "or stale: reload the page and try again (API clients: use HTTP Basic)");
            return;
        }
        write(response, HttpStatus.FORBIDDEN, "当前用户无权执行此操作 / your role does not allow this "
                + request.getMethod() + " " + request.getRequestURI());
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

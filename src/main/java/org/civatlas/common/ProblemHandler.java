package org.civatlas.common;

import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import tools.jackson.core.JacksonException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem response. Errors the user caused are 4xx and say what to fix;
 * anything else is a 500 that is logged (and is a bug).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ProblemDetail userError(ProblemException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        if (e.parameter() != null) {
            problem.setProperty("parameter", e.parameter());
        }
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request body");
        return ResponseEntity.badRequest().body(problem);
    }

    /** Unreadable JSON: name the field and what was wrong with it, instead of "Failed to read request". */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException json = null;
        for (Throwable t = ex; t != null && json == null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                json = j;
            }
        }
        String field = null;
        if (json != null) {
            field = json.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
        }
        String detail = field == null || field.isEmpty()
                ? "请求体不是有效的 JSON / the request body is not valid JSON"
                        + (json == null ? "" : ": " + json.getOriginalMessage())
                : "字段 " + field + " 的值无效（日期须为 YYYY-MM-DD，枚举须为所列取值之一）/ invalid value for field "
                        + field + ": " + json.getOriginalMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request body");
        if (field != null && !field.isEmpty()) {
            problem.setProperty("parameter", field);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Two writes of one record at once, or a save of a version someone else has replaced: the later one is refused
     * (optimistic locking), as is a write that lost a lock race; the user reloads and applies the change again.
     */
    @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        log.info("Concurrent change refused: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "该记录刚被他人修改，请刷新后重新修改 / the record was changed by someone else at the same time: "
                        + "reload it and apply your change again");
        problem.setTitle("Concurrent change");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return DatabaseUnavailable.problem(e);
        }
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "服务器内部错误，已记录 / internal error, it has been logged");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.internalServerError().body(problem);
    }
}

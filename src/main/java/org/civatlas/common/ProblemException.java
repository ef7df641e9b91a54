package org.civatlas.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error the user caused, answered as an RFC 9457 problem. The detail says what to fix,
 * in Chinese first and then English.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String parameter;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String title, String detail, String parameter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.parameter = parameter;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not Found", detail, null);
    }

    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid parameter: " + parameter, detail, parameter);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Bad Request", detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Adds a member to the problem (e.g. the state that caused a conflict); returns this problem. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Further members of the problem, in the order added. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** The request parameter at fault, or null. */
    public String parameter() {
        return parameter;
    }
}

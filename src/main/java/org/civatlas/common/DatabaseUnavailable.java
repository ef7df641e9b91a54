package org.civatlas.common;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database cannot be reached (restarting, network lost, pool exhausted while it is gone). Clients get a 503
 * problem with {@code Retry-After} instead of a 500: nothing was stored, and the same request may simply be sent
 * again. The connection pool gives up after a few seconds ({@code spring.datasource.hikari.connection-timeout}), so no
 * request waits long for a database that is not there.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or any of its causes, is the database being out of reach. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || isPostgresConnectionFailure(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL reports a broken or refused connection with SQL state class 08, and a shutdown with 57P01–57P03;
     * the pool reports a use of a connection it has already closed (a rollback after the link broke) with this
     * message and no state.
     */
    private static boolean isPostgresConnectionFailure(Throwable t) {
        if (t instanceof java.sql.SQLException sql && sql.getSQLState() == null
                && "Connection is closed".equals(sql.getMessage())) {
            return true;
        }
        if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03");
        }
        return false;
    }

    public static ProblemDetail body() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "数据库暂时无法连接，本次操作未保存任何内容，请 " + RETRY_AFTER_SECONDS + " 秒后重试 / the database cannot be "
                        + "reached right now; nothing was stored: try again in " + RETRY_AFTER_SECONDS + " seconds");
        problem.setTitle("Database unavailable");
        return problem;
    }

    static ResponseEntity<ProblemDetail> problem(Throwable cause) {
        org.slf4j.LoggerFactory.getLogger(DatabaseUnavailable.class).warn("Database unavailable: {}",
                cause.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body());
    }
}

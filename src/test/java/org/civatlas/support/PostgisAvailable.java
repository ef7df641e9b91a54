package org.civatlas.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostGIS tests when CIVATLAS_TEST_POSTGIS_URL names a database, and skips them, saying so, when it does not.
 * With CIVATLAS_REQUIRE_POSTGIS=true (as CI sets it) a missing URL fails instead of skipping.
 */
public class PostgisAvailable implements ExecutionCondition {

    public static final String URL_VARIABLE = "CIVATLAS_TEST_POSTGIS_URL";

    public static String url() {
        return System.getenv(URL_VARIABLE);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String url = url();
        if (url != null && !url.isBlank()) {
            return ConditionEvaluationResult.enabled("PostGIS at " + url);
        }
        if ("true".equalsIgnoreCase(System.getenv("CIVATLAS_REQUIRE_POSTGIS"))) {
            throw new IllegalStateException(URL_VARIABLE + " is not set but CIVATLAS_REQUIRE_POSTGIS=true");
        }
        String reason = "PostGIS tests SKIPPED: set " + URL_VARIABLE
                + "=jdbc:postgresql://127.0.0.1:5432/civatlas_test (see .ci/run) to run them";
        System.out.println("[civatlas] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}

package org.civatlas.cluster;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when the datasource is PostgreSQL (the server install, where several nodes may share the database) and
 * {@code civatlas.cluster.enabled} is not false. On the embedded H2 database there is one node: nothing to do.
 */
class OnPostgresql implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        String url = env.getProperty("spring.datasource.url", "");
        return url.startsWith("jdbc:postgresql:")
                && env.getProperty("civatlas.cluster.enabled", Boolean.class, true);
    }
}

package org.civatlas.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly, at start-up, why a node refuses to start on a newer database schema and what to do. */
public class SchemaTooNewFailureAnalyzer extends AbstractFailureAnalyzer<SchemaVersionCheck.SchemaTooNewException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaVersionCheck.SchemaTooNewException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "请用与其他节点相同（或更新）的版本启动本节点；不要回退数据库。 / Start this node from the same (or a newer) "
                        + "release as the nodes that upgraded the database (schema version " + cause.database
                        + "); do not roll the database back.", cause);
    }
}

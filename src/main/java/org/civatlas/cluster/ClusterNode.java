package org.civatlas.cluster;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** This node's identity among the nodes sharing the database: a random id per start. */
@Component
@Conditional(OnPostgresql.class)
class ClusterNode {

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

    private final String id = UUID.randomUUID().toString();

    ClusterNode() {
        log.info("集群节点 {} 启动（经 PostgreSQL LISTEN/NOTIFY 与其他节点同步数据变更） / cluster node {} "
                + "(data changes shared with other nodes through PostgreSQL LISTEN/NOTIFY)", id, id);
    }

    String id() {
        return id;
    }
}

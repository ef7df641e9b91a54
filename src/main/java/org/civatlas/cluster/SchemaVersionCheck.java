package org.civatlas.cluster;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A node refuses to start on a database whose schema is newer than the migrations it carries (another node was
 * upgraded first): by default Flyway would ignore the unknown applied migrations ({@code *:future}) and the old node
 * would run silently on a schema it does not know. Checked before migrating; {@code spring.flyway
 * .ignore-migration-patterns} is empty as well, so Flyway's own validation refuses too.
 */
@Configuration(proxyBeanMethods = false)
class SchemaVersionCheck {

    @Bean
    FlywayMigrationStrategy refuseNewerSchema() {
        return flyway -> {
            check(flyway);
            flyway.migrate();
        };
    }

    static void check(Flyway flyway) {
        var info = flyway.info();
        MigrationInfo[] applied = info.applied();
        MigrationVersion known = Arrays.stream(info.all())
                .filter(m -> m.getVersion() != null && !m.getState().name().startsWith("FUTURE"))
                .filter(m -> m.getState().isResolved())
                .map(MigrationInfo::getVersion).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        MigrationVersion database = Arrays.stream(applied).map(MigrationInfo::getVersion)
                .filter(v -> v != null).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        if (database.compareTo(known) > 0) {
            throw new SchemaTooNewException(database.getVersion(), known.getVersion());
        }
    }

    /** The database's schema is newer than this node's migrations. */
    static class SchemaTooNewException extends IllegalStateException {

        final String database;
        final String known;

        SchemaTooNewException(String database, String known) {
            super("数据库结构版本为 " + database + "，本节点只认识到 " + known + "：请升级本节点 / the database schema is "
                    + "version " + database + ", this node knows up to " + known + ": upgrade this node");
            this.database = database;
            this.known = known;
        }
    }
}

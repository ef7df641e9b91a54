package org.civatlas.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * JDBC connections of their own, outside the pool, to the application's database: for a {@code LISTEN} held for the
 * node's life and for the start-up lock, whose session ends (and whose locks go) when the connection is closed.
 */
@Component
@Conditional(OnPostgresql.class)
class DirectConnections {

    private final String url;
    private final String user;
    private final String password;

    DirectConnections(Environment env) {
        this.url = env.getRequiredProperty("spring.datasource.url");
        this.user = env.getProperty("spring.datasource.username", "");
        this.password = env.getProperty("spring.datasource.password", "");
    }

    Connection open(String applicationName) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("ApplicationName", applicationName);
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, p);
    }
}

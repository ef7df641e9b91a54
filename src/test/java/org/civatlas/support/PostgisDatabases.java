package org.civatlas.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fresh PostGIS databases of a test's own, on the server that {@code CIVATLAS_TEST_POSTGIS_URL} names, so that a test
 * that starts its own application instances (or cuts their database) shares no data with the other suites.
 */
public final class PostgisDatabases {

    private PostgisDatabases() {
    }

    public static String user() {
        return System.getenv().getOrDefault("CIVATLAS_TEST_POSTGIS_USER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("CIVATLAS_TEST_POSTGIS_PASSWORD", "");
    }

    /** Drops and creates the database {@code name} with the postgis extension; returns its JDBC URL. */
    public static String fresh(String name) {
        String base = PostgisAvailable.url();
        String url = base.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1");
        String admin = base.replaceFirst("/[^/?]+(\\?.*)?$", "/postgres$1");
        try (Connection c = DriverManager.getConnection(admin, user(), password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        try (Connection c = DriverManager.getConnection(url, user(), password());
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add postgis to " + name + ": " + e.getMessage(), e);
        }
        return url;
    }
}

package org.civatlas.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the start-up jobs of one node at a time across the nodes sharing the database: the application runners (the
 * admin/demo accounts, the demo data load of divisions, facilities and the gazetteer, boundary line derivation) run
 * between {@link ApplicationStartedEvent} and {@link ApplicationReadyEvent}; this takes a PostgreSQL session advisory
 * lock, on a connection of its own (outside the pool) held for that phase, before them and releases it after them. A node that waited finds the
 * work done: every job re-checks first (units, facilities, places present; lines unchanged; accounts present). On
 * failure the lock goes with the connection. In-memory indexes and tiles are built per node, after the lock.
 */
@Component
@Conditional(OnPostgresql.class)
class StartupLock implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    /** The advisory lock key of the start-up phase (any constant bigint shared by every node). */
    static final long KEY = 0x63697661746C6173L; // "civatlas"

    private final DirectConnections connections;
    private Connection held;

    StartupLock(DirectConnections connections) {
        this.connections = connections;
    }

    @EventListener(ApplicationStartedEvent.class)
    synchronized void acquire() throws SQLException {
        Connection c = connections.open("civatlas-startup-lock");
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + KEY + ")");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        held = c;
        long waited = (System.nanoTime() - started) / 1_000_000;
        if (waited > 100) {
            log.info("等待其他节点完成启动任务 {} 毫秒 / waited {} ms for another node's start-up jobs", waited, waited);
        }
    }

    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
    synchronized void release() {
        Connection c = held;
        held = null;
        if (c == null) {
            return;
        }
        try {
            c.close(); // the session ends, and its advisory lock with it
        } catch (SQLException e) {
            log.warn("Could not close the start-up lock's connection: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        release();
    }
}

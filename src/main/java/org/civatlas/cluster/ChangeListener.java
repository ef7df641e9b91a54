package org.civatlas.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.civatlas.common.ChangeOrigin;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Receives the other nodes' changes: one dedicated JDBC connection (outside the pool) that {@code LISTEN}s on
 * {@value ChangeMessage#CHANNEL}, polled by a daemon thread. A valid message from another node is republished here
 * as the module event, marked remote ({@link ChangeOrigin}) so that it is not sent out again; the caches listen to
 * those events with {@code fallbackExecution = true}, so they receive it outside a transaction. A payload that is not
 * ours is logged and ignored. A lost connection is re-opened with backoff; on every (re)connect the stored data
 * versions are compared with the last seen ones and the kinds that moved are republished (missed notifications).
 */
@Component
@Conditional(OnPostgresql.class)
class ChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ApplicationEventPublisher events;
    private final ClusterNode node;
    private final DirectConnections connections;
    /** The last version seen per kind; touched by the listening thread only (and read by tests). */
    private final Map<ChangeKind, Long> seen = new EnumMap<>(ChangeKind.class);
    private final AtomicLong republished = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private volatile long lastRepublishedNanos;
    /** The first connection attempts failed: what changed meanwhile is unknown. */
    private boolean missedStart;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    ChangeListener(ApplicationEventPublisher events, ClusterNode node, DirectConnections connections) {
        this.events = events;
        this.node = node;
        this.connections = connections;
    }

    static String applicationName(String nodeId) {
        return "civatlas-listen-" + nodeId;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::listen, "civatlas-change-listener");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        closeQuietly(connection);
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** How many remote changes (notifications and catch-ups) were republished here. */
    long republished() {
        return republished.get();
    }

    /** When ({@link System#nanoTime()}) the last remote change was republished here. */
    long lastRepublishedNanos() {
        return lastRepublishedNanos;
    }

    /** How many times the listening connection was opened. */
    long connects() {
        return connects.get();
    }

    private void listen() {
        Duration backoff = MIN_BACKOFF;
        while (running) {
            try (Connection c = connections.open(applicationName(node.id()))) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + ChangeMessage.CHANNEL);
                }
                connects.incrementAndGet();
                catchUp(c);
                backoff = MIN_BACKOFF;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            received(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (connects.get() == 0) {
                    missedStart = true;
                }
                log.warn("变更监听连接中断，{} 毫秒后重连 / change listener connection lost, reconnecting in {} ms: {}",
                        backoff.toMillis(), backoff.toMillis(), e.toString());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    /**
     * Compares the stored versions with the last seen ones: a kind that moved while this node was not listening is
     * republished (key {@code *}). On the first connect there is nothing to catch up (this node's caches are built
     * from the database after it), unless the first attempts failed: then every kind is republished.
     */
    private void catchUp(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT kind, version FROM data_version")) {
            while (rs.next()) {
                String id = rs.getString(1);
                long version = rs.getLong(2);
                ChangeKind.byId(id).ifPresent(kind -> {
                    Long last = seen.put(kind, version);
                    if (last != null ? version > last : missedStart) {
                        log.info("补收其他节点的变更：{} 版本 {} → {} / catching up missed changes: {} version {} → {}",
                                kind.id, last, version, kind.id, last, version);
                        republish(kind, ChangeKind.ANY);
                    }
                });
            }
        }
    }

    void received(String payload) {
        var message = ChangeMessage.parse(payload);
        if (message.isEmpty()) {
            log.warn("忽略无法识别的变更通知 / ignoring an unrecognised change notification: {}", abbreviate(payload));
            return;
        }
        ChangeMessage m = message.get();
        seen.merge(m.kind(), m.version(), Math::max);
        if (m.node().equals(node.id())) {
            return;
        }
        republish(m.kind(), m.key());
    }

    private void republish(ChangeKind kind, String key) {
        try {
            ChangeOrigin.asRemote(() -> events.publishEvent(kind.event(key)));
            lastRepublishedNanos = System.nanoTime();
            republished.incrementAndGet();
        } catch (RuntimeException e) {
            log.warn("其他节点的变更在本节点处理失败 / a change from another node failed here: {} {}", kind.id, key, e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException ignored) {
                // closing a connection that is already broken
            }
        }
    }
}

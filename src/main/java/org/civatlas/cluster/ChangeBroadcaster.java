package org.civatlas.cluster;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.civatlas.boundaries.BoundariesChanged;
import org.civatlas.common.ChangeOrigin;
import org.civatlas.divisions.DivisionsChanged;
import org.civatlas.facilities.FacilitiesChanged;
import org.civatlas.places.PlacesChanged;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends this node's change events to the other nodes. Inside a transaction the changes are collected and, just
 * before commit and in the same transaction, each kind's stored version is incremented and one notification per kind
 * is sent ({@code pg_notify}): PostgreSQL delivers it only if the transaction commits, and nothing on rollback. An
 * event published outside a transaction is sent in a short transaction of its own. Changes republished from other
 * nodes are not sent again.
 */
@Component
@Conditional(OnPostgresql.class)
class ChangeBroadcaster {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ClusterNode node;

    ChangeBroadcaster(JdbcTemplate jdbc, TransactionTemplate transactions, ClusterNode node) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.node = node;
    }

    @EventListener
    void divisionsChanged(DivisionsChanged e) {
        changed(e);
    }

    @EventListener
    void facilitiesChanged(FacilitiesChanged e) {
        changed(e);
    }

    @EventListener
    void placesChanged(PlacesChanged e) {
        changed(e);
    }

    @EventListener
    void boundariesChanged(BoundariesChanged e) {
        changed(e);
    }

    private void changed(Object event) {
        if (ChangeOrigin.isRemote()) {
            return;
        }
        ChangeKind.Change change = ChangeKind.of(event).orElseThrow();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            pending().add(change);
        } else {
            Pending alone = new Pending();
            alone.add(change);
            transactions.executeWithoutResult(status -> send(alone));
        }
    }

    /** The changes of the current transaction, sent before it commits. */
    private Pending pending() {
        Pending p = (Pending) TransactionSynchronizationManager.getResource(this);
        if (p == null) {
            Pending created = new Pending();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    send(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ChangeBroadcaster.this);
                }
            });
            p = created;
        }
        return p;
    }

    private void send(Pending pending) {
        pending.keys.forEach((kind, keys) -> {
            Long version = jdbc.queryForObject(
                    "UPDATE data_version SET version = version + 1 WHERE kind = ? RETURNING version", Long.class,
                    kind.id);
            String key = keys.size() == 1 ? keys.iterator().next() : ChangeKind.ANY;
            String payload = new ChangeMessage(node.id(), kind, key, version).toJson();
            jdbc.queryForList("SELECT pg_notify(?, ?)", ChangeMessage.CHANNEL, payload);
        });
        pending.keys.clear();
    }

    /** Kinds and keys changed in one transaction (a bulk import: one notification per kind, key {@code *}). */
    private static final class Pending {
        final Map<ChangeKind, Set<String>> keys = new EnumMap<>(ChangeKind.class);

        void add(ChangeKind.Change change) {
            keys.computeIfAbsent(change.kind(), k -> new LinkedHashSet<>()).add(change.key());
        }
    }
}

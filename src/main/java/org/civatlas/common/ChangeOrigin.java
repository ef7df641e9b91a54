package org.civatlas.common;

/**
 * Where the change event being handled on this thread comes from: this node, or another node (republished here by
 * the cluster module so that in-memory caches learn of it). Listeners that write to the database in reaction to a
 * change (e.g. boundary line derivation) skip remote changes: the node that made the change does that work once.
 */
public final class ChangeOrigin {

    private static final ThreadLocal<Boolean> REMOTE = ThreadLocal.withInitial(() -> false);

    private ChangeOrigin() {
    }

    /** True while a change made on another node is being republished on this thread. */
    public static boolean isRemote() {
        return REMOTE.get();
    }

    /** Runs the republication of another node's change: {@link #isRemote()} is true inside. */
    public static void asRemote(Runnable publication) {
        boolean before = REMOTE.get();
        REMOTE.set(true);
        try {
            publication.run();
        } finally {
            REMOTE.set(before);
        }
    }
}

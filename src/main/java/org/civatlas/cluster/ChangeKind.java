package org.civatlas.cluster;

import java.util.Optional;
import org.civatlas.boundaries.BoundariesChanged;
import org.civatlas.divisions.DivisionsChanged;
import org.civatlas.facilities.FacilitiesChanged;
import org.civatlas.places.PlacesChanged;

/**
 * The kinds of data whose changes every node must learn of, each with its stored version row ({@code data_version})
 * and the module event it stands for. The key names what changed ({@code *}: something, unknown what).
 */
enum ChangeKind {

    DIVISIONS("divisions"),
    FACILITIES("facilities"),
    PLACES("places"),
    BOUNDARIES("boundaries");

    static final String ANY = "*";

    final String id;

    ChangeKind(String id) {
        this.id = id;
    }

    static Optional<ChangeKind> byId(String id) {
        for (ChangeKind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind and key of a module event, or empty for any other object. */
    static Optional<Change> of(Object event) {
        if (event instanceof DivisionsChanged e) {
            return Optional.of(new Change(DIVISIONS, e.code()));
        }
        if (event instanceof FacilitiesChanged e) {
            return Optional.of(new Change(FACILITIES, Long.toString(e.facilityId())));
        }
        if (event instanceof PlacesChanged e) {
            return Optional.of(new Change(PLACES, Long.toString(e.placeId())));
        }
        if (event instanceof BoundariesChanged e) {
            return Optional.of(new Change(BOUNDARIES, e.what()));
        }
        return Optional.empty();
    }

    /** The module event for a change of this kind ({@code *} or an unreadable id: the event for "something"). */
    Object event(String key) {
        return switch (this) {
            case DIVISIONS -> new DivisionsChanged(key);
            case FACILITIES -> new FacilitiesChanged(id(key));
            case PLACES -> new PlacesChanged(id(key));
            case BOUNDARIES -> new BoundariesChanged(key);
        };
    }

    private static long id(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    record Change(ChangeKind kind, String key) {
    }
}

package org.civatlas.boundaries;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The course of a boundary dispute under the Regulations on Handling Administrative Boundary Disputes (1989):
 * reported → investigated → the two governments negotiate → failing that, the level above mediates → decided →
 * archived (after filing upward). An agreement in negotiation goes straight to decided.
 */
public enum DisputeStatus {
    REPORTED("已登记"),
    INVESTIGATING("调查中"),
    NEGOTIATING("协商中"),
    MEDIATION("上级调处中"),
    DECIDED("已裁决/已达成协议"),
    ARCHIVED("已归档");

    private static final Map<DisputeStatus, Set<DisputeStatus>> NEXT = Map.of(
            REPORTED, EnumSet.of(INVESTIGATING),
            INVESTIGATING, EnumSet.of(NEGOTIATING),
            NEGOTIATING, EnumSet.of(MEDIATION, DECIDED),
            MEDIATION, EnumSet.of(DECIDED),
            DECIDED, EnumSet.of(ARCHIVED),
            ARCHIVED, EnumSet.noneOf(DisputeStatus.class));

    private final String label;

    DisputeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<DisputeStatus> next() {
        return NEXT.get(this);
    }

    /** While a dispute is open the situation on the ground is frozen (Art. 10). */
    public boolean open() {
        return this != DECIDED && this != ARCHIVED;
    }
}

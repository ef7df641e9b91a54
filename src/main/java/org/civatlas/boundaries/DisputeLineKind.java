package org.civatlas.boundaries;

/** The lines a dispute map shows: the lawful line, the customary line, actual jurisdiction, each party's claim. */
public enum DisputeLineKind {
    LAWFUL("法定线"),
    CUSTOMARY("习惯线"),
    ACTUAL_JURISDICTION("实际管辖线"),
    CLAIM_A("甲方主张线"),
    CLAIM_B("乙方主张线");

    private final String label;

    DisputeLineKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.civatlas.security;

/** The staff roles of a civil-affairs bureau. Anonymous users read public layers only. */
public enum Role {
    PLANNER("规划人员"),
    NAME_OFFICER("地名工作人员"),
    BOUNDARY_OFFICER("界线工作人员"),
    ADMIN("管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.civatlas.places;

/** States of a naming or renaming case (地名命名、更名程序). */
public enum NamingState {
    APPLIED("已申请"),
    REVIEWING("评估论证中"),
    CONSULTING("征求意见中"),
    APPROVED("已批准"),
    PUBLISHED("已公告备案，名称生效"),
    REJECTED("不予批准"),
    WITHDRAWN("已撤回");

    private final String label;

    NamingState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == PUBLISHED || this == REJECTED || this == WITHDRAWN;
    }
}

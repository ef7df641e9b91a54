package org.civatlas.facilities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a facility record must keep, as plain Java: capacities, the order of status dates, and a status that
 * agrees with them. Returns every violation, each saying what to fix (Chinese first, then English).
 */
public final class FacilityRules {

    private FacilityRules() {
    }

    public static List<String> violations(FacilityInput f, LocalDate today) {
        List<String> errors = new ArrayList<>();
        if (f.nursingBeds() != null && f.beds() == null) {
            errors.add("填写护理型床位时须填写总床位 / nursingBeds needs beds");
        }
        if (f.nursingBeds() != null && f.beds() != null && f.nursingBeds() > f.beds()) {
            errors.add("护理型床位（" + f.nursingBeds() + "）多于总床位（" + f.beds() + "）/ nursingBeds ("
                    + f.nursingBeds() + ") exceeds beds (" + f.beds() + ")");
        }
        order(errors, "plannedOn", f.plannedOn(), "constructionStartedOn", f.constructionStartedOn());
        order(errors, "plannedOn", f.plannedOn(), "openedOn", f.openedOn());
        order(errors, "constructionStartedOn", f.constructionStartedOn(), "openedOn", f.openedOn());
        order(errors, "openedOn", f.openedOn(), "closedOn", f.closedOn());
        order(errors, "constructionStartedOn", f.constructionStartedOn(), "closedOn", f.closedOn());
        if (f.status() != null) {
            switch (f.status()) {
                case PLANNED -> {
                    if (f.openedOn() != null || f.closedOn() != null || f.constructionStartedOn() != null) {
                        errors.add("规划中的设施不应有开工、启用或关闭日期 / a PLANNED facility has no construction, "
                                + "opening or closing date");
                    }
                }
                case UNDER_CONSTRUCTION -> {
                    if (f.openedOn() != null || f.closedOn() != null) {
                        errors.add("在建设施不应有启用或关闭日期 / an UNDER_CONSTRUCTION facility has no opening or "
                                + "closing date");
                    }
                }
                case OPERATING -> {
                    if (f.openedOn() == null) {
                        errors.add("运营中的设施须填写启用日期 / an OPERATING facility needs openedOn");
                    } else if (f.openedOn().isAfter(today)) {
                        errors.add("启用日期在未来，状态应为规划或在建 / openedOn lies in the future: the status "
                                + "should be PLANNED or UNDER_CONSTRUCTION");
                    }
                    if (f.closedOn() != null) {
                        errors.add("运营中的设施不应有关闭日期 / an OPERATING facility has no closedOn");
                    }
                }
                case CLOSED -> {
                    if (f.closedOn() == null) {
                        errors.add("已关闭的设施须填写关闭日期 / a CLOSED facility needs closedOn");
                    }
                }
            }
        }
        return errors;
    }

    private static void order(List<String> errors, String earlierName, LocalDate earlier, String laterName,
            LocalDate later) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            errors.add(laterName + "（" + later + "）早于 " + earlierName + "（" + earlier + "）/ " + laterName + " ("
                    + later + ") is before " + earlierName + " (" + earlier + ")");
        }
    }
}

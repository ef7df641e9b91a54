package org.civatlas.places;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The naming and renaming procedure of the Place Names Regulations (2022) as a state machine, plain Java:
 * application → assessment and expert reports → public consultation → approval → announcement (公告) and filing (备案),
 * each due within 15 days of approval → the name is standard. Rejection and withdrawal end a case.
 */
public final class NamingProcedure {

    /** Art. 13 and 14: filing and announcement within 15 days of approval. */
    public static final int DAYS_TO_ANNOUNCE_AND_FILE = 15;

    private static final Map<NamingState, Set<NamingAction>> ALLOWED = Map.of(
            NamingState.APPLIED, EnumSet.of(NamingAction.START_REVIEW, NamingAction.REJECT, NamingAction.WITHDRAW),
            NamingState.REVIEWING, EnumSet.of(NamingAction.ADD_REPORT, NamingAction.OPEN_CONSULTATION,
                    NamingAction.REJECT, NamingAction.WITHDRAW),
            NamingState.CONSULTING, EnumSet.of(NamingAction.ADD_REPORT, NamingAction.ADD_COMMENT, NamingAction.APPROVE,
                    NamingAction.REJECT, NamingAction.WITHDRAW),
            NamingState.APPROVED, EnumSet.of(NamingAction.RECORD_ANNOUNCEMENT, NamingAction.RECORD_FILING,
                    NamingAction.PUBLISH),
            NamingState.PUBLISHED, EnumSet.noneOf(NamingAction.class),
            NamingState.REJECTED, EnumSet.noneOf(NamingAction.class),
            NamingState.WITHDRAWN, EnumSet.noneOf(NamingAction.class));

    private NamingProcedure() {
    }

    public static Set<NamingAction> allowed(NamingState state) {
        return ALLOWED.get(state);
    }

    /** The state after the action, or null when the action is not allowed in the state. */
    public static NamingState next(NamingState state, NamingAction action) {
        if (!ALLOWED.get(state).contains(action)) {
            return null;
        }
        return switch (action) {
            case START_REVIEW -> NamingState.REVIEWING;
            case OPEN_CONSULTATION -> NamingState.CONSULTING;
            case APPROVE -> NamingState.APPROVED;
            case PUBLISH -> NamingState.PUBLISHED;
            case REJECT -> NamingState.REJECTED;
            case WITHDRAW -> NamingState.WITHDRAWN;
            case ADD_REPORT, ADD_COMMENT, RECORD_ANNOUNCEMENT, RECORD_FILING -> state;
        };
    }

    public static LocalDate dueDate(LocalDate approvedOn) {
        return approvedOn == null ? null : approvedOn.plusDays(DAYS_TO_ANNOUNCE_AND_FILE);
    }

    /** Overdue: not done by the due date (done late also counts as overdue, for the record). */
    public static boolean overdue(LocalDate due, LocalDate doneOn, LocalDate today) {
        if (due == null) {
            return false;
        }
        return doneOn == null ? today.isAfter(due) : doneOn.isAfter(due);
    }
}

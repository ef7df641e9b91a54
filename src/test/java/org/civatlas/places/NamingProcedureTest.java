package org.civatlas.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The naming procedure as an officer walks it: which step comes next, what ends a case, when things are due. */
class NamingProcedureTest {

    @Test
    void aNameGoesFromApplicationToPublicationThroughEveryStage() {
        NamingState s = NamingState.APPLIED;
        s = NamingProcedure.next(s, NamingAction.START_REVIEW);
        assertThat(s).isEqualTo(NamingState.REVIEWING);
        assertThat(NamingProcedure.next(s, NamingAction.ADD_REPORT)).as("a report keeps the stage").isEqualTo(s);
        s = NamingProcedure.next(s, NamingAction.OPEN_CONSULTATION);
        assertThat(s).isEqualTo(NamingState.CONSULTING);
        assertThat(NamingProcedure.next(s, NamingAction.ADD_COMMENT)).isEqualTo(NamingState.CONSULTING);
        assertThat(NamingProcedure.next(s, NamingAction.ADD_REPORT)).isEqualTo(NamingState.CONSULTING);
        s = NamingProcedure.next(s, NamingAction.APPROVE);
        assertThat(s).isEqualTo(NamingState.APPROVED);
        assertThat(NamingProcedure.next(s, NamingAction.RECORD_ANNOUNCEMENT)).isEqualTo(NamingState.APPROVED);
        assertThat(NamingProcedure.next(s, NamingAction.RECORD_FILING)).isEqualTo(NamingState.APPROVED);
        s = NamingProcedure.next(s, NamingAction.PUBLISH);
        assertThat(s).isEqualTo(NamingState.PUBLISHED);
    }

    @Test
    void noStageCanBeSkipped() {
        assertThat(NamingProcedure.next(NamingState.APPLIED, NamingAction.APPROVE)).isNull();
        assertThat(NamingProcedure.next(NamingState.APPLIED, NamingAction.OPEN_CONSULTATION)).isNull();
        assertThat(NamingProcedure.next(NamingState.REVIEWING, NamingAction.APPROVE))
                .as("approval needs a public consultation first").isNull();
        assertThat(NamingProcedure.next(NamingState.REVIEWING, NamingAction.ADD_COMMENT))
                .as("comments are taken during the consultation only").isNull();
        assertThat(NamingProcedure.next(NamingState.CONSULTING, NamingAction.PUBLISH)).isNull();
    }

    @Test
    void anApprovedNameCanNoLongerBeRejectedOrWithdrawn() {
        assertThat(NamingProcedure.allowed(NamingState.APPROVED)).containsExactlyInAnyOrder(
                NamingAction.RECORD_ANNOUNCEMENT, NamingAction.RECORD_FILING, NamingAction.PUBLISH);
        assertThat(NamingProcedure.next(NamingState.APPROVED, NamingAction.REJECT)).isNull();
        assertThat(NamingProcedure.next(NamingState.APPROVED, NamingAction.WITHDRAW)).isNull();
    }

    @Test
    void everyOpenStageBeforeApprovalCanBeRejectedOrWithdrawn() {
        for (NamingState s : EnumSet.of(NamingState.APPLIED, NamingState.REVIEWING, NamingState.CONSULTING)) {
            assertThat(NamingProcedure.next(s, NamingAction.REJECT)).as(s.name()).isEqualTo(NamingState.REJECTED);
            assertThat(NamingProcedure.next(s, NamingAction.WITHDRAW)).as(s.name()).isEqualTo(NamingState.WITHDRAWN);
        }
    }

    @Test
    void finalStatesAllowNothingAndEveryOtherStateSomething() {
        for (NamingState s : NamingState.values()) {
            assertThat(NamingProcedure.allowed(s).isEmpty()).as(s.name()).isEqualTo(s.isFinal());
            for (NamingAction a : NamingAction.values()) {
                NamingState next = NamingProcedure.next(s, a);
                assertThat(next != null).as(s + " " + a).isEqualTo(NamingProcedure.allowed(s).contains(a));
            }
        }
    }

    @Test
    void announcementAndFilingAreDueFifteenDaysAfterApproval() {
        LocalDate approved = LocalDate.of(2026, 3, 20);
        LocalDate due = NamingProcedure.dueDate(approved);
        assertThat(due).isEqualTo(LocalDate.of(2026, 4, 4));
        assertThat(NamingProcedure.dueDate(null)).isNull();

        assertThat(NamingProcedure.overdue(due, null, due)).as("not done, due today").isFalse();
        assertThat(NamingProcedure.overdue(due, null, due.plusDays(1))).as("not done, a day late").isTrue();
        assertThat(NamingProcedure.overdue(due, due, due.plusDays(30))).as("done on the due day").isFalse();
        assertThat(NamingProcedure.overdue(due, due.plusDays(1), due.plusDays(1)))
                .as("done late stays overdue on the record").isTrue();
        assertThat(NamingProcedure.overdue(null, null, due)).as("not approved yet").isFalse();
    }
}

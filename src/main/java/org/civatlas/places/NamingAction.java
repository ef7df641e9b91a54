package org.civatlas.places;

/** What an officer can do to a naming case; {@link NamingProcedure} says when. */
public enum NamingAction {
    START_REVIEW,
    ADD_REPORT,
    OPEN_CONSULTATION,
    ADD_COMMENT,
    APPROVE,
    RECORD_ANNOUNCEMENT,
    RECORD_FILING,
    PUBLISH,
    REJECT,
    WITHDRAW
}

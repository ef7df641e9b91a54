package org.civatlas.places;

import java.time.LocalDate;

/** What an officer records with an action; which fields matter depends on the action. */
public record NamingStepInput(
        Long version,
        String remarks,
        String attachment,
        String reportKind,
        String report,
        LocalDate consultationFrom,
        LocalDate consultationTo,
        LocalDate receivedOn,
        String author,
        String comment,
        String handling,
        String approvingBody,
        String documentNumber,
        LocalDate date,
        String medium,
        String filedWith,
        String conflictJustification,
        String protectionJustification) {
}

package org.civatlas.places;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A naming case as officers see it: the application, its findings, deadlines and every step. */
public record NamingCaseView(
        long id,
        String kind,
        Long placeId,
        String currentName,
        String proposedName,
        String proposedRomanized,
        String romanizedProposal,
        String category,
        String unitCode,
        Double lon,
        Double lat,
        String scheme,
        String reasons,
        NamingState state,
        String stateLabel,
        Set<NamingAction> allowedActions,
        List<DuplicateCheck.Conflict> conflicts,
        String conflictJustification,
        boolean protectedName,
        String protectionJustification,
        String assessmentReport,
        String expertReport,
        String consultationReport,
        LocalDate consultationFrom,
        LocalDate consultationTo,
        String approvingBody,
        String documentNumber,
        LocalDate approvedOn,
        LocalDate announcementDue,
        LocalDate announcedOn,
        String announcementMedium,
        boolean announcementOverdue,
        LocalDate filingDue,
        LocalDate filedOn,
        String filedWith,
        boolean filingOverdue,
        String createdBy,
        Instant createdAt,
        long version,
        List<Step> steps,
        List<Comment> comments) {

    public record Step(String action, NamingState fromState, NamingState toState, String actor, Instant at,
            String remarks, String attachment) {
    }

    public record Comment(LocalDate receivedOn, String author, String content, String handling) {
    }
}

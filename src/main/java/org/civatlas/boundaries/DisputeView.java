package org.civatlas.boundaries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A dispute with its lines, timeline and attachments (metadata), as staff see it. Geometries are GeoJSON text. */
public record DisputeView(long id, String title, String partyA, String partyAName, String partyB, String partyBName,
        String locationGeoJson, String description, DisputeStatus status, String statusLabel,
        Set<DisputeStatus> nextStatuses, boolean frozen, String frozenReminder, String lineCode,
        LocalDate filedUpwardOn, String filedUpwardTo, String reportedBy, Instant reportedAt, long version,
        List<Line> lines, List<Event> timeline, List<AttachmentInfo> attachments, List<String> warnings) {

    public record Line(long id, DisputeLineKind kind, String kindLabel, String geometryGeoJson, String remarks) {
    }

    public record Event(DisputeStatus fromStatus, DisputeStatus toStatus, String actor, Instant at, String what) {
    }

    public record AttachmentInfo(long id, String fileName, String contentType, String evidenceKind, long sizeBytes,
            String uploadedBy, Instant uploadedAt) {
    }
}

package org.civatlas.boundaries;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.civatlas.boundaries.internal.AttachmentEntity;
import org.civatlas.boundaries.internal.AttachmentRepository;
import org.civatlas.boundaries.internal.DisputeEntity;
import org.civatlas.boundaries.internal.DisputeEventEntity;
import org.civatlas.boundaries.internal.DisputeEventRepository;
import org.civatlas.boundaries.internal.DisputeLineEntity;
import org.civatlas.boundaries.internal.DisputeLineRepository;
import org.civatlas.boundaries.internal.DisputeRepository;
import org.civatlas.common.CurrentUser;
import org.civatlas.common.ProblemException;
import org.civatlas.common.Versions;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.spatial.GeoJsonGeometry;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispute log: disputes are never deleted; each status move, note, line and attachment is a timeline entry with
 * who and when. Only boundary officers write (see SecurityConfig); other staff read; the public sees nothing.
 */
@Service
public class DisputeService {

    static final String FROZEN = "争议未解决前，任何一方不得单方面改变争议地区现状（不得迁入居民、设立机构、开发建设等）"
            + "（《行政区域边界争议处理条例》第十条）/ While the dispute is open, neither side may change the situation "
            + "in the disputed area (no moving residents in, no new bodies, no construction): Art. 10";
    static final Set<String> ATTACHMENT_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

    private final DisputeRepository disputes;
    private final DisputeLineRepository lines;
    private final DisputeEventRepository events;
    private final AttachmentRepository attachments;
    private final DivisionQueries divisions;
    private final BoundaryLineService boundaryLines;
    private final Clock clock;
    private final long maxAttachmentBytes;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher publisher;

    DisputeService(ApplicationEventPublisher publisher, EntityManager entityManager, DisputeRepository disputes, DisputeLineRepository lines, DisputeEventRepository events,
            AttachmentRepository attachments, DivisionQueries divisions, BoundaryLineService boundaryLines,
            Optional<Clock> clock, @Value("${civatlas.attachments.max-bytes:10485760}") long maxAttachmentBytes) {
        this.publisher = publisher;
        this.entityManager = entityManager;
        this.disputes = disputes;
        this.lines = lines;
        this.events = events;
        this.attachments = attachments;
        this.divisions = divisions;
        this.boundaryLines = boundaryLines;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    @Transactional
    public DisputeView report(DisputeInput in) {
        List<String> errors = new ArrayList<>();
        text(errors, "title", in.title(), 200, true);
        text(errors, "description", in.description(), 4000, true);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", errors));
        }
        Division a = party("partyA", in.partyA());
        Division b = party("partyB", in.partyB());
        if (a.code().equals(b.code())) {
            throw ProblemException.badParameter("partyB", "争议双方不能是同一单位 / the two parties must differ");
        }
        if (a.level() != b.level()) {
            throw ProblemException.badParameter("partyB", "争议双方须为同级行政区 / the parties must be units of the "
                    + "same level");
        }
        Geometry location = GeometryInput.parse("location", in.location(),
                Set.of("Point", "LineString", "Polygon", "MultiPolygon"), neighbourhood());
        List<DisputeLineEntity> parsedLines = new ArrayList<>();
        if (in.lines() != null) {
            for (int i = 0; i < in.lines().size(); i++) {
                parsedLines.add(line("lines[" + i + "]", in.lines().get(i)));
            }
        }
        DisputeEntity d = new DisputeEntity();
        d.title = in.title().strip();
        d.description = in.description().strip();
        d.partyA = a.code();
        d.partyB = b.code();
        d.location = location;
        d.status = DisputeStatus.REPORTED;
        d.reportedBy = CurrentUser.name();
        d.reportedAt = clock.instant();
        String lineCode = BoundaryLineService.lineCode(a.code(), b.code());
        List<String> warnings = new ArrayList<>();
        if (boundaryLines.current(lineCode).isPresent()) {
            d.lineCode = lineCode;
        } else {
            warnings.add("双方不相邻（没有共同边界线）/ the parties are not adjacent (they share no boundary line)");
        }
        d = disputes.save(d);
        for (DisputeLineEntity l : parsedLines) {
            l.disputeId = d.id;
            lines.save(l);
        }
        event(d, null, DisputeStatus.REPORTED, "登记争议 / dispute reported: " + d.title);
        publisher.publishEvent(new BoundariesChanged("disputes"));
        return view(d, warnings);
    }

    public record EventInput(Long version, String toStatus, String what) {
    }

    /** A timeline entry, optionally moving the status one legal step. */
    @Transactional
    public DisputeView addEvent(long id, EventInput in) {
        DisputeEntity d = require(id);
        checkVersion(d, in.version());
        List<String> errors = new ArrayList<>();
        text(errors, "what", in.what(), 4000, true);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", errors));
        }
        DisputeStatus from = d.status;
        DisputeStatus to = from;
        if (in.toStatus() != null && !in.toStatus().isBlank()) {
            try {
                to = DisputeStatus.valueOf(in.toStatus().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badParameter("toStatus", "未知的状态 '" + in.toStatus() + "' / unknown status");
            }
            if (!from.next().contains(to)) {
                throw new ProblemException(HttpStatus.CONFLICT, "Status move not allowed",
                        "不能从「" + from.label() + "」转到「" + to.label() + "」；可转到：" + from.next() + " / cannot move "
                                + from + " → " + to + "; allowed next: " + from.next(), "toStatus");
            }
            if (to == DisputeStatus.ARCHIVED && d.filedUpwardOn == null) {
                throw new ProblemException(HttpStatus.CONFLICT, "File upward first",
                        "归档前须记录向上级备案 / record the filing upward before archiving (Art. 16)", "toStatus");
            }
            d.status = to;
        }
        d = disputes.saveAndFlush(d);
        event(d, from == to ? null : from, to, in.what().strip());
        publisher.publishEvent(new BoundariesChanged("disputes"));
        return view(d, List.of());
    }

    @Transactional
    public DisputeView addLine(long id, Long version, DisputeInput.LineInput in) {
        DisputeEntity d = require(id);
        checkVersion(d, version);
        DisputeLineEntity l = line("line", in);
        l.disputeId = d.id;
        lines.save(l);
        disputes.saveAndFlush(touch(d));
        event(d, null, d.status, "添加" + l.kind.label() + " / added a " + l.kind + " line");
        publisher.publishEvent(new BoundariesChanged("disputes"));
        return view(d, List.of());
    }

    public record FilingInput(Long version, LocalDate date, String filedWith) {
    }

    @Transactional
    public DisputeView fileUpward(long id, FilingInput in) {
        DisputeEntity d = require(id);
        checkVersion(d, in.version());
        List<String> errors = new ArrayList<>();
        text(errors, "filedWith", in.filedWith(), 200, true);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", errors));
        }
        d.filedUpwardOn = in.date() == null ? LocalDate.now(clock) : in.date();
        d.filedUpwardTo = in.filedWith().strip();
        d = disputes.saveAndFlush(d);
        event(d, null, d.status, "向上级备案：" + d.filedUpwardTo + "（" + d.filedUpwardOn + "）/ filed upward");
        publisher.publishEvent(new BoundariesChanged("disputes"));
        return view(d, List.of());
    }

    /** Stores an attachment with its timeline entry in one transaction: both or neither. */
    @Transactional
    public DisputeView attach(long id, String fileName, String contentType, byte[] content, String evidenceKind) {
        DisputeEntity d = require(id);
        if (content == null || content.length == 0) {
            throw ProblemException.badParameter("file", "附件为空 / the file is empty");
        }
        if (content.length > maxAttachmentBytes) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "Attachment too large", "附件超过 "
                    + maxAttachmentBytes / 1024 / 1024 + " MB 上限 / the file is larger than the limit of "
                    + maxAttachmentBytes + " bytes", "file");
        }
        String type = sniff(content);
        if (type == null || !ATTACHMENT_TYPES.contains(type)) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported attachment type",
                    "只接受 JPEG、PNG 图片和 PDF 文件（声明的类型：" + contentType + "）/ only JPEG, PNG and PDF files are "
                            + "accepted", "file");
        }
        AttachmentEntity a = new AttachmentEntity();
        a.ownerKind = "DISPUTE";
        a.ownerId = d.id;
        a.fileName = fileName == null || fileName.isBlank() ? "attachment" : fileName.strip();
        if (a.fileName.length() > 200) {
            a.fileName = a.fileName.substring(0, 200);
        }
        a.contentType = type;
        a.evidenceKind = evidenceKind == null || evidenceKind.isBlank() ? null : evidenceKind.strip();
        a.sizeBytes = content.length;
        a.content = content;
        a.uploadedBy = CurrentUser.name();
        a.uploadedAt = clock.instant();
        attachments.save(a);
        event(d, null, d.status, "附件：" + a.fileName + (a.evidenceKind == null ? "" : "（" + a.evidenceKind + "）")
                + " / attachment added");
        DisputeView attached = view(disputes.saveAndFlush(touch(d)), List.of());
        publisher.publishEvent(new BoundariesChanged("disputes"));
        return attached;
    }

    @Transactional(readOnly = true)
    public AttachmentEntity attachment(long disputeId, long attachmentId) {
        return attachments.findById(attachmentId).filter(a -> "DISPUTE".equals(a.ownerKind)
                && a.ownerId == disputeId).orElseThrow(() -> ProblemException.notFound("没有该附件 / no such attachment"));
    }

    @Transactional(readOnly = true)
    public List<DisputeView> list() {
        return disputes.findAllByOrderByIdDesc().stream().map(d -> view(d, List.of())).toList();
    }

    @Transactional(readOnly = true)
    public DisputeView get(long id) {
        return view(require(id), List.of());
    }

    /** Bumps the version so that a concurrent editor of the same dispute gets a 409. */
    private DisputeEntity touch(DisputeEntity d) {
        entityManager.lock(d, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return d;
    }

    private void event(DisputeEntity d, DisputeStatus from, DisputeStatus to, String what) {
        DisputeEventEntity e = new DisputeEventEntity();
        e.disputeId = d.id;
        e.fromStatus = from;
        e.toStatus = to;
        e.actor = CurrentUser.name();
        e.at = clock.instant();
        e.what = what;
        events.save(e);
    }

    private DisputeLineEntity line(String field, DisputeInput.LineInput in) {
        if (in == null) {
            throw ProblemException.badParameter(field, field + "：缺少 / " + field + " is missing");
        }
        DisputeLineEntity l = new DisputeLineEntity();
        try {
            l.kind = DisputeLineKind.valueOf(in.kind() == null ? "" : in.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(field + ".kind", "线的类型须为 " + List.of(DisputeLineKind.values())
                    + " / kind must be one of " + List.of(DisputeLineKind.values()));
        }
        l.geometry = (LineString) GeometryInput.parse(field + ".geometry", in.geometry(), Set.of("LineString"),
                neighbourhood());
        if (in.remarks() != null && in.remarks().length() > 1000) {
            throw ProblemException.badParameter(field + ".remarks", "备注不能超过 1000 字 / remarks too long");
        }
        l.remarks = in.remarks();
        return l;
    }

    private Division party(String field, String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.badParameter(field, field + "：请给出争议方的行政区划代码 / " + field + " is required");
        }
        return divisions.byCode(code.strip()).orElseThrow(() -> ProblemException.badParameter(field,
                "未知的行政区划代码 '" + code + "' / unknown unit '" + code + "'"));
    }

    private Envelope neighbourhood() {
        Envelope e = divisions.extent(DivisionLevel.COUNTY);
        if (e == null) {
            return null;
        }
        Envelope wider = new Envelope(e);
        wider.expandBy(0.5);
        return wider;
    }

    private DisputeEntity require(long id) {
        return disputes.findById(id).orElseThrow(() -> ProblemException.notFound("没有编号为 " + id + " 的争议 / no "
                + "dispute " + id));
    }

    private static void checkVersion(DisputeEntity d, Long version) {
        Versions.requireIfGiven(version, d.version, "争议 dispute " + d.id);
    }

    private DisputeView view(DisputeEntity d, List<String> warnings) {
        String nameA = divisions.byCode(d.partyA).map(Division::name).orElse(d.partyA);
        String nameB = divisions.byCode(d.partyB).map(Division::name).orElse(d.partyB);
        return new DisputeView(d.id, d.title, d.partyA, nameA, d.partyB, nameB, GeoJsonGeometry.write(d.location),
                d.description, d.status, d.status.label(), d.status.next(), d.status.open(), d.status.open() ? FROZEN : null,
                d.lineCode, d.filedUpwardOn, d.filedUpwardTo, d.reportedBy, d.reportedAt, d.version,
                lines.findByDisputeIdOrderById(d.id).stream().map(l -> new DisputeView.Line(l.id, l.kind,
                        l.kind.label(), GeoJsonGeometry.write(l.geometry), l.remarks)).toList(),
                events.findByDisputeIdOrderById(d.id).stream().map(e -> new DisputeView.Event(e.fromStatus,
                        e.toStatus, e.actor, e.at, e.what)).toList(),
                attachments.findByOwnerKindAndOwnerIdOrderById("DISPUTE", d.id).stream().map(a ->
                        new DisputeView.AttachmentInfo(a.id, a.fileName, a.contentType, a.evidenceKind, a.sizeBytes,
                                a.uploadedBy, a.uploadedAt)).toList(),
                warnings);
    }

    /** The real type of a file from its first bytes; the declared content type is not trusted. */
    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        return null;
    }

    private static void text(List<String> errors, String field, String value, int max, boolean required) {
        if (required && (value == null || value.isBlank())) {
            errors.add(field + "：不能为空 / " + field + " is required");
        } else if (value != null && value.length() > max) {
            errors.add(field + "：不能超过 " + max + " 字 / " + field + " is longer than " + max + " characters");
        }
    }

}

package org.civatlas.places;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civatlas.common.CurrentUser;
import org.civatlas.common.ProblemException;
import org.civatlas.common.Versions;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionEdits;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.places.internal.NamingCaseEntity;
import org.civatlas.places.internal.NamingCaseRepository;
import org.civatlas.places.internal.NamingCommentEntity;
import org.civatlas.places.internal.NamingCommentRepository;
import org.civatlas.places.internal.NamingStepEntity;
import org.civatlas.places.internal.NamingStepRepository;
import org.civatlas.places.internal.PlaceEntity;
import org.civatlas.places.internal.PlaceRepository;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Point;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs naming and renaming cases through {@link NamingProcedure}: validates each action's record, computes the
 * announcement and filing deadlines, checks duplicates and homophones, and on publication makes the name standard
 * (the previous one becomes a former name with its dates). Every step records who, when and remarks.
 */
@Service
public class NamingWorkflow {

    private static final int MAX_TEXT = 4000;

    private final NamingCaseRepository cases;
    private final NamingStepRepository steps;
    private final NamingCommentRepository comments;
    private final PlaceRepository places;
    private final PlaceRegistry registry;
    private final DivisionQueries divisions;
    private final DivisionEdits divisionEdits;
    private final NameReadings readings;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    NamingWorkflow(NamingCaseRepository cases, NamingStepRepository steps, NamingCommentRepository comments,
            PlaceRepository places, PlaceRegistry registry, DivisionQueries divisions, DivisionEdits divisionEdits,
            NameReadings readings,
            ApplicationEventPublisher events, ObjectMapper json, Optional<Clock> clock) {
        this.cases = cases;
        this.steps = steps;
        this.comments = comments;
        this.places = places;
        this.registry = registry;
        this.divisions = divisions;
        this.divisionEdits = divisionEdits;
        this.readings = readings;
        this.events = events;
        this.json = json;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Live findings for the application form: the proposal's spelling and its duplicate/homophone conflicts. */
    public record Check(String romanizedProposal, String toneless, List<DuplicateCheck.Conflict> conflicts,
            List<String> problems) {
    }

    @Transactional(readOnly = true)
    public Check check(String name, String category, String unitCode, Long placeId) {
        List<String> problems = new ArrayList<>(NameRules.violations("proposedName", name));
        PlaceCategory cat = registry.requireCategory(category);
        requireUnit(unitCode);
        if (!problems.isEmpty()) {
            return new Check(null, null, List.of(), problems);
        }
        String toneless = readings.toneless(name);
        return new Check(readings.propose(name, cat.romanizeAs()), toneless, DuplicateCheck.conflicts(name, toneless,
                unitCode, cat.duplicateScope(), placeId, registry.duplicateCandidates()), problems);
    }

    @Transactional
    public NamingCaseView apply(NamingApplication a) {
        String kind = a.kind() == null ? "NAMING" : a.kind().toUpperCase();
        if (!kind.equals("NAMING") && !kind.equals("RENAMING")) {
            throw ProblemException.badParameter("kind", "kind 须为 NAMING（命名）或 RENAMING（更名）/ kind must be "
                    + "NAMING or RENAMING");
        }
        PlaceEntity place = null;
        if (kind.equals("RENAMING")) {
            if (a.placeId() == null) {
                throw ProblemException.badParameter("placeId", "更名申请须指明地名 placeId / a renaming needs placeId");
            }
            place = places.findById(a.placeId()).orElseThrow(() -> PlaceRegistry.unknown(a.placeId()));
            if (place.toPlace().status() != PlaceStatus.STANDARD) {
                throw ProblemException.badParameter("placeId", "历史地名不能更名 / a historical name cannot be renamed");
            }
        }
        Place current = place == null ? null : place.toPlace();
        String category = a.category() != null ? a.category() : current == null ? null : current.category();
        String unitCode = a.unitCode() != null ? a.unitCode() : current == null ? null : current.unitCode();
        List<String> errors = new ArrayList<>(NameRules.violations("proposedName", a.proposedName()));
        text(errors, "scheme", a.scheme(), true);
        text(errors, "reasons", a.reasons(), true);
        if (a.proposedRomanized() != null && !a.proposedRomanized().isBlank()
                && !a.proposedRomanized().matches("[A-Za-zÜüÊêËë' 0-9-]{1,200}")) {
            errors.add("proposedRomanized：罗马字母拼写只能含拉丁字母、ü、撇号、空格和数字 / proposedRomanized may contain "
                    + "Latin letters, ü, apostrophes, spaces and digits");
        }
        if (current != null && current.standardName().equals(a.proposedName())) {
            errors.add("proposedName：新名称与现名相同 / proposedName is the current name");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", errors));
        }
        PlaceCategory cat = registry.requireCategory(category);
        requireUnit(unitCode);
        Point point = null;
        if (a.lon() != null || a.lat() != null) {
            point = pointInUnit(a.lon(), a.lat(), unitCode);
        }
        NamingCaseEntity c = new NamingCaseEntity(kind, CurrentUser.name(), clock.instant());
        c.placeId = a.placeId();
        c.proposedName = a.proposedName().strip();
        c.romanizedProposal = readings.propose(c.proposedName, cat.romanizeAs());
        c.proposedRomanized = a.proposedRomanized() == null || a.proposedRomanized().isBlank() ? c.romanizedProposal
                : a.proposedRomanized().strip();
        c.categoryCode = cat.code();
        c.unitCode = unitCode;
        c.geometry = point;
        c.scheme = a.scheme().strip();
        c.reasons = a.reasons().strip();
        c.conflicts = conflictsJson(c, cat);
        c = cases.save(c);
        steps.save(new NamingStepEntity(c.id, "APPLY", null, NamingState.APPLIED, c.createdBy, c.createdAt, null,
                a.attachment()));
        return view(c);
    }

    @Transactional
    public NamingCaseView act(long caseId, NamingAction action, NamingStepInput in) {
        NamingCaseEntity c = cases.findById(caseId).orElseThrow(() -> unknown(caseId));
        NamingStepInput input = in == null ? new NamingStepInput(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null) : in;
        Versions.requireIfGiven(input.version(), c.version, "命名案件 naming case " + caseId);
        NamingState next = NamingProcedure.next(c.state, action);
        if (next == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Action not allowed in state " + c.state,
                    "当前状态「" + c.state.label() + "」下不能执行 " + action + "；可执行：" + NamingProcedure.allowed(c.state)
                            + " / " + action + " is not allowed in state " + c.state + "; allowed next steps: "
                            + NamingProcedure.allowed(c.state), "action");
        }
        LocalDate today = LocalDate.now(clock);
        List<String> errors = new ArrayList<>();
        text(errors, "remarks", input.remarks(), false);
        switch (action) {
            case ADD_REPORT -> {
                text(errors, "report", input.report(), true);
                String kind = input.reportKind() == null ? "" : input.reportKind().toUpperCase();
                if (errors.isEmpty()) {
                    switch (kind) {
                        case "ASSESSMENT" -> c.assessmentReport = input.report().strip();
                        case "EXPERT" -> c.expertReport = input.report().strip();
                        case "CONSULTATION" -> c.consultationReport = input.report().strip();
                        default -> errors.add("reportKind 须为 ASSESSMENT（综合评估）、EXPERT（专家论证）或 CONSULTATION"
                                + "（征求意见）/ reportKind must be ASSESSMENT, EXPERT or CONSULTATION");
                    }
                }
            }
            case OPEN_CONSULTATION -> {
                if (input.consultationFrom() == null || input.consultationTo() == null) {
                    errors.add("征求意见须给出起止日期 consultationFrom、consultationTo / the consultation needs "
                            + "consultationFrom and consultationTo");
                } else if (input.consultationTo().isBefore(input.consultationFrom())) {
                    errors.add("consultationTo 早于 consultationFrom / consultationTo is before consultationFrom");
                } else {
                    c.consultationFrom = input.consultationFrom();
                    c.consultationTo = input.consultationTo();
                }
            }
            case ADD_COMMENT -> {
                text(errors, "comment", input.comment(), true);
                text(errors, "handling", input.handling(), false);
                if (errors.isEmpty()) {
                    comments.save(new NamingCommentEntity(c.id, input.receivedOn() == null ? today : input.receivedOn(),
                            input.author(), input.comment().strip(), input.handling()));
                }
            }
            case APPROVE -> approve(c, input, today, errors);
            case RECORD_ANNOUNCEMENT -> {
                LocalDate on = input.date() == null ? today : input.date();
                text(errors, "medium", input.medium(), true);
                if (on.isBefore(c.approvedOn)) {
                    errors.add("公告日期早于批准日期 / the announcement date is before the approval date");
                }
                c.announcedOn = on;
                c.announcementMedium = input.medium();
            }
            case RECORD_FILING -> {
                LocalDate on = input.date() == null ? today : input.date();
                text(errors, "filedWith", input.filedWith(), true);
                if (on.isBefore(c.approvedOn)) {
                    errors.add("备案日期早于批准日期 / the filing date is before the approval date");
                }
                c.filedOn = on;
                c.filedWith = input.filedWith();
            }
            case PUBLISH -> {
                if (c.announcedOn == null || c.filedOn == null) {
                    throw new ProblemException(HttpStatus.CONFLICT, "Announcement and filing first",
                            "须先完成公告和备案 / record the announcement and the filing first"
                                    + (c.announcedOn == null ? " (announcement missing)" : "")
                                    + (c.filedOn == null ? " (filing missing)" : ""), "action");
                }
                publish(c);
            }
            case START_REVIEW, REJECT, WITHDRAW -> {
                if (action != NamingAction.START_REVIEW && (input.remarks() == null || input.remarks().isBlank())) {
                    errors.add("remarks：请说明理由 / remarks: give the reason");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", errors));
        }
        NamingState from = c.state;
        c.state = next;
        c = cases.saveAndFlush(c);
        steps.save(new NamingStepEntity(c.id, action.name(), from, next, CurrentUser.name(), clock.instant(),
                input.remarks(), input.attachment()));
        return view(c);
    }

    private void approve(NamingCaseEntity c, NamingStepInput input, LocalDate today, List<String> errors) {
        if (c.assessmentReport == null || c.expertReport == null || c.consultationReport == null) {
            errors.add("批准前须有综合评估、专家论证和征求意见报告 / approval needs the assessment, expert and "
                    + "consultation reports");
        }
        LocalDate on = input.date() == null ? today : input.date();
        if (c.consultationTo != null && on.isBefore(c.consultationTo)) {
            errors.add("征求意见期至 " + c.consultationTo + " 尚未结束 / the consultation period runs until "
                    + c.consultationTo);
        }
        if (on.isAfter(today)) {
            errors.add("批准日期不能在未来 / the approval date cannot be in the future");
        }
        text(errors, "approvingBody", input.approvingBody(), true);
        text(errors, "documentNumber", input.documentNumber(), true);
        PlaceCategory cat = registry.requireCategory(c.categoryCode);
        c.conflicts = conflictsJson(c, cat);
        if (input.conflictJustification() != null && !input.conflictJustification().isBlank()) {
            c.conflictJustification = input.conflictJustification().strip();
        }
        if (input.protectionJustification() != null && !input.protectionJustification().isBlank()) {
            c.protectionJustification = input.protectionJustification().strip();
        }
        if (!conflicts(c).isEmpty() && c.conflictJustification == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Duplicate or homophone names",
                    "与现有地名重名或同音：" + conflicts(c) + "；批准须记录理由 conflictJustification / the name duplicates "
                            + "or sounds like existing names; approval needs conflictJustification", "conflicts");
        }
        if (c.placeId != null && places.findById(c.placeId).map(PlaceEntity::isProtectedName).orElse(false)
                && c.protectionJustification == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Protected name",
                    "该地名列入保护名录，更名须记录理由 protectionJustification / the name is on the protection list; "
                            + "renaming needs protectionJustification", "protectionJustification");
        }
        if (errors.isEmpty()) {
            c.approvingBody = input.approvingBody().strip();
            c.documentNumber = input.documentNumber().strip();
            c.approvedOn = on;
            c.announcementDue = NamingProcedure.dueDate(on);
            c.filingDue = NamingProcedure.dueDate(on);
        }
    }

    private void publish(NamingCaseEntity c) {
        PlaceEntity place;
        if (c.placeId == null) {
            place = new PlaceEntity(c.proposedName, c.romanizedProposal, c.categoryCode, c.unitCode, c.geometry, false,
                    c.approvedOn, "naming case " + c.id + ", " + c.approvingBody + " " + c.documentNumber);
            place.setRomanized(c.proposedRomanized);
            place = places.save(place);
            c.placeId = place.getId();
        } else {
            place = places.findById(c.placeId).orElseThrow(() -> PlaceRegistry.unknown(c.placeId));
            place.rename(c.proposedName, c.proposedRomanized, c.romanizedProposal, c.approvedOn);
            places.save(place);
            // the place is an administrative unit: the unit bears the new standard name too
            String division = place.toPlace().divisionCode();
            if (division != null) {
                divisionEdits.rename(division, c.proposedName);
            }
        }
        events.publishEvent(new PlacesChanged(c.placeId));
    }

    @Transactional(readOnly = true)
    public List<NamingCaseView> list() {
        return cases.findAllByOrderByIdDesc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public NamingCaseView get(long id) {
        return view(cases.findById(id).orElseThrow(() -> unknown(id)));
    }

    /** Published cases, newest approval first: what an announcement must carry. */
    @Transactional(readOnly = true)
    public List<NamingCaseView> published() {
        return cases.findByStateOrderByApprovedOnDesc(NamingState.PUBLISHED).stream().map(this::view).toList();
    }

    /** Cases whose place is the given one (its naming and renamings), for the place's history. */
    @Transactional(readOnly = true)
    public List<NamingCaseView> forPlace(long placeId) {
        return cases.findAllByOrderByIdDesc().stream().filter(c -> c.placeId != null && c.placeId == placeId)
                .map(this::view).toList();
    }

    private NamingCaseView view(NamingCaseEntity c) {
        LocalDate today = LocalDate.now(clock);
        Point p = c.geometry == null ? null : c.geometry.getInteriorPoint();
        Optional<PlaceEntity> place = c.placeId == null ? Optional.empty() : places.findById(c.placeId);
        String currentName = place.map(PlaceEntity::getStandardName).orElse(null);
        return new NamingCaseView(c.id, c.kind, c.placeId, currentName, c.proposedName, c.proposedRomanized,
                c.romanizedProposal, c.categoryCode, c.unitCode, p == null ? null : p.getX(),
                p == null ? null : p.getY(), c.scheme, c.reasons, c.state, c.state.label(),
                NamingProcedure.allowed(c.state), conflicts(c), c.conflictJustification,
                place.map(PlaceEntity::isProtectedName).orElse(false), c.protectionJustification, c.assessmentReport,
                c.expertReport, c.consultationReport, c.consultationFrom, c.consultationTo, c.approvingBody,
                c.documentNumber, c.approvedOn, c.announcementDue, c.announcedOn, c.announcementMedium,
                c.state == NamingState.APPROVED || c.state == NamingState.PUBLISHED
                        ? NamingProcedure.overdue(c.announcementDue, c.announcedOn, today) : false,
                c.filingDue, c.filedOn, c.filedWith,
                c.state == NamingState.APPROVED || c.state == NamingState.PUBLISHED
                        ? NamingProcedure.overdue(c.filingDue, c.filedOn, today) : false,
                c.createdBy, c.createdAt, c.version,
                steps.findByCaseIdOrderById(c.id).stream().map(s -> new NamingCaseView.Step(s.action, s.fromState,
                        s.toState, s.actor, s.at, s.remarks, s.attachment)).toList(),
                comments.findByCaseIdOrderById(c.id).stream().map(m -> new NamingCaseView.Comment(m.receivedOn,
                        m.author, m.content, m.handling)).toList());
    }

    private String conflictsJson(NamingCaseEntity c, PlaceCategory cat) {
        List<DuplicateCheck.Conflict> found = DuplicateCheck.conflicts(c.proposedName, readings.toneless(c.proposedName),
                c.unitCode, cat.duplicateScope(), c.placeId, registry.duplicateCandidates());
        return json.writeValueAsString(found);
    }

    private List<DuplicateCheck.Conflict> conflicts(NamingCaseEntity c) {
        if (c.conflicts == null || c.conflicts.isBlank()) {
            return List.of();
        }
        return List.of(json.readValue(c.conflicts, DuplicateCheck.Conflict[].class));
    }

    private Division requireUnit(String unitCode) {
        if (unitCode == null) {
            throw ProblemException.badParameter("unitCode", "请给出所在行政区划代码 unitCode / unitCode is required");
        }
        return divisions.byCode(unitCode).orElseThrow(() -> ProblemException.badParameter("unitCode",
                "未知的行政区划代码 '" + unitCode + "' / unknown unitCode '" + unitCode + "'"));
    }

    private Point pointInUnit(Double lon, Double lat, String unitCode) {
        if (lon == null || lat == null || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
            throw ProblemException.badParameter("lon", "位置须给出有效的经度 lon 和纬度 lat / the location needs lon in "
                    + "-180..180 and lat in -90..90");
        }
        boolean inside = divisions.containing(lon, lat).stream().anyMatch(d -> d.code().equals(unitCode));
        if (!inside) {
            throw ProblemException.badParameter("lon", "位置（" + lon + ", " + lat + "）不在所选行政区划 " + unitCode
                    + " 内 / the location lies outside unit " + unitCode);
        }
        return Geometries.point(lon, lat);
    }

    private static void text(List<String> errors, String field, String value, boolean required) {
        if (required && (value == null || value.isBlank())) {
            errors.add(field + "：不能为空 / " + field + " is required");
        } else if (value != null && value.length() > MAX_TEXT) {
            errors.add(field + "：不能超过 " + MAX_TEXT + " 字 / " + field + " is longer than " + MAX_TEXT
                    + " characters");
        }
    }


    static ProblemException unknown(long id) {
        return ProblemException.notFound("没有编号为 " + id + " 的命名/更名案件 / no naming case " + id);
    }
}

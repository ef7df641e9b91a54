package org.civatlas.boundaries;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civatlas.boundaries.internal.InspectionEntity;
import org.civatlas.boundaries.internal.InspectionRepository;
import org.civatlas.boundaries.internal.MarkerConditionEntity;
import org.civatlas.boundaries.internal.MarkerConditionRepository;
import org.civatlas.boundaries.internal.MarkerEntity;
import org.civatlas.boundaries.internal.MarkerRepository;
import org.civatlas.common.CurrentUser;
import org.civatlas.common.ProblemException;
import org.civatlas.common.Versions;
import org.civatlas.spatial.ChinaOffsetDatums;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Boundary markers (界桩) with their condition history, and joint inspections of lines: the routine one every 5 years
 * (Art. 12) with the next due date, and ad-hoc checks. Marker numbers follow a configurable pattern.
 */
@Service
public class MarkerService {

    static final int INSPECTION_INTERVAL_YEARS = 5;
    /** How far (metres) a marker may lie from its line before the entry is refused as a likely mistake. */
    static final double MAX_METRES_FROM_LINE = 2_000;

    private final MarkerRepository markers;
    private final MarkerConditionRepository conditions;
    private final InspectionRepository inspections;
    private final BoundaryLineService lines;
    private final Clock clock;
    private final String numberPattern;
    private final org.springframework.context.ApplicationEventPublisher events;

    MarkerService(MarkerRepository markers, MarkerConditionRepository conditions, InspectionRepository inspections,
            BoundaryLineService lines, org.springframework.context.ApplicationEventPublisher events,
            Optional<Clock> clock,
            @Value("${civatlas.boundaries.marker-number-pattern:{line}-{serial}{type}}") String numberPattern) {
        this.markers = markers;
        this.conditions = conditions;
        this.inspections = inspections;
        this.lines = lines;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.numberPattern = numberPattern;
        this.events = events;
    }

    public record MarkerView(long id, String number, String lineCode, MarkerType type, String typeLabel, double lon,
            double lat, Double surveyedX, Double surveyedY, String surveyedCrs, String keptBy,
            MarkerCondition condition, String conditionLabel, LocalDate installedOn, boolean synthetic, long version,
            List<ConditionEntry> history) {
    }

    public record ConditionEntry(MarkerCondition condition, LocalDate observedOn, String recordedBy, String remarks,
            Long inspectionId) {
    }

    public record MarkerInput(String lineCode, String type, Double x, Double y, String crs, String keptBy,
            String condition, LocalDate installedOn) {
    }

    public record ConditionInput(Long version, String condition, LocalDate observedOn, String remarks) {
    }

    /** Formats a marker number from the pattern: {line}, {serial} (3 digits), {type} (1 single, 2 double, 3 triple). */
    static String number(String pattern, String lineCode, int serial, MarkerType type) {
        return pattern.replace("{line}", lineCode).replace("{serial}", String.format("%03d", serial))
                .replace("{type}", type.code());
    }

    @Transactional
    public MarkerView create(MarkerInput in) {
        BoundaryLineView line = lines.current(in.lineCode() == null ? "" : in.lineCode()).orElseThrow(() ->
                ProblemException.badParameter("lineCode", "没有界线 '" + in.lineCode() + "' / no boundary line '"
                        + in.lineCode() + "'"));
        MarkerType type = parse("type", in.type(), MarkerType.class);
        MarkerCondition condition = in.condition() == null ? MarkerCondition.INTACT
                : parse("condition", in.condition(), MarkerCondition.class);
        if (in.keptBy() == null || (!in.keptBy().equals(line.codeA()) && !in.keptBy().equals(line.codeB()))) {
            throw ProblemException.badParameter("keptBy", "管护方须为界线两侧之一：" + line.codeA() + " 或 "
                    + line.codeB() + " / keptBy must be one of the line's two sides");
        }
        Point location = toWgs84(in.x(), in.y(), in.crs());
        double metres = metresToLine(location, line.geometry());
        if (metres > MAX_METRES_FROM_LINE) {
            throw ProblemException.badParameter("x", "界桩距界线 " + Math.round(metres) + " 米，超过 "
                    + (int) MAX_METRES_FROM_LINE + " 米：请核对坐标和坐标系 / the marker lies " + Math.round(metres)
                    + " m from its line; check the coordinates and their CRS");
        }
        MarkerEntity m = new MarkerEntity();
        m.lineCode = line.lineCode();
        m.markerType = type;
        m.location = location;
        m.surveyedX = in.x();
        m.surveyedY = in.y();
        m.surveyedCrs = in.crs() == null ? "EPSG:4326" : in.crs();
        m.keptBy = in.keptBy();
        m.condition = condition;
        m.installedOn = in.installedOn();
        m.number = number(numberPattern, line.lineCode(), (int) markers.countByLineCode(line.lineCode()) + 1, type);
        m = markers.save(m);
        recordCondition(m, condition, in.installedOn() == null ? LocalDate.now(clock) : in.installedOn(),
                "设立 / installed", null);
        events.publishEvent(new BoundariesChanged("markers"));
        return view(m);
    }

    @Transactional
    public MarkerView changeCondition(long id, ConditionInput in) {
        MarkerEntity m = markers.findById(id).orElseThrow(() -> unknownMarker(id));
        Versions.requireIfGiven(in.version(), m.version, "界桩 marker " + id);
        MarkerCondition condition = parse("condition", in.condition(), MarkerCondition.class);
        m.condition = condition;
        recordCondition(m, condition, in.observedOn() == null ? LocalDate.now(clock) : in.observedOn(), in.remarks(),
                null);
        events.publishEvent(new BoundariesChanged("markers"));
        return view(markers.saveAndFlush(m));
    }

    @Transactional(readOnly = true)
    public List<MarkerView> all() {
        return markers.findAllByOrderByNumber().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public List<MarkerView> ofLine(String lineCode) {
        return markers.findByLineCodeOrderByNumber(lineCode).stream().map(this::view).toList();
    }

    // --- inspections -------------------------------------------------------------------------------------------

    public record InspectionInput(String kind, LocalDate inspectedOn, String parties, String findings,
            String followUp, List<MarkerFinding> markerFindings) {
    }

    public record MarkerFinding(Long markerId, String condition, String remarks) {
    }

    public record InspectionView(long id, String lineCode, InspectionKind kind, String kindLabel,
            LocalDate inspectedOn, String parties, String findings, String followUp, String recordedBy) {
    }

    /** A line's inspection status: the last routine inspection and when the next is due. */
    public record InspectionStatus(String lineCode, String nameA, String nameB, String level, LocalDate lastRoutine,
            LocalDate lastAny, LocalDate nextDue, String status) {
    }

    @Transactional
    public InspectionView recordInspection(String lineCode, InspectionInput in) {
        BoundaryLineView line = lines.current(lineCode).orElseThrow(() -> ProblemException.notFound(
                "没有界线 '" + lineCode + "' / no boundary line '" + lineCode + "'"));
        InspectionKind kind = parse("kind", in.kind(), InspectionKind.class);
        List<String> errors = new ArrayList<>();
        if (in.inspectedOn() == null) {
            errors.add("inspectedOn：请给出检查日期 / inspectedOn is required");
        } else if (in.inspectedOn().isAfter(LocalDate.now(clock))) {
            errors.add("inspectedOn：检查日期不能在未来 / inspectedOn cannot be in the future");
        }
        if (in.parties() == null || in.parties().isBlank() || in.parties().length() > 500) {
            errors.add("parties：请填写参加检查的各方（500 字以内）/ parties is required (at most 500 characters)");
        }
        for (String f : new String[] {in.findings(), in.followUp()}) {
            if (f != null && f.length() > 4000) {
                errors.add("findings/followUp：不能超过 4000 字 / at most 4000 characters");
            }
        }
        List<MarkerEntity> found = new ArrayList<>();
        List<MarkerCondition> foundConditions = new ArrayList<>();
        if (in.markerFindings() != null) {
            for (MarkerFinding f : in.markerFindings()) {
                MarkerEntity m = f.markerId() == null ? null : markers.findById(f.markerId()).orElse(null);
                if (m == null || !m.lineCode.equals(line.lineCode())) {
                    errors.add("markerFindings：界桩 " + f.markerId() + " 不在该界线上 / marker " + f.markerId()
                            + " is not on this line");
                    continue;
                }
                found.add(m);
                foundConditions.add(parse("markerFindings.condition", f.condition(), MarkerCondition.class));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", errors));
        }
        InspectionEntity i = new InspectionEntity();
        i.lineCode = line.lineCode();
        i.kind = kind;
        i.inspectedOn = in.inspectedOn();
        i.parties = in.parties().strip();
        i.findings = in.findings();
        i.followUp = in.followUp();
        i.recordedBy = CurrentUser.name();
        i.recordedAt = clock.instant();
        i = inspections.save(i);
        if (!found.isEmpty()) {
            events.publishEvent(new BoundariesChanged("markers"));
        }
        for (int k = 0; k < found.size(); k++) {
            MarkerEntity m = found.get(k);
            m.condition = foundConditions.get(k);
            recordCondition(m, m.condition, in.inspectedOn(), in.markerFindings().get(k).remarks(), i.id);
        }
        return inspectionView(i);
    }

    @Transactional(readOnly = true)
    public List<InspectionView> inspections(String lineCode) {
        return inspections.findByLineCodeOrderByInspectedOn(lineCode).stream().map(MarkerService::inspectionView)
                .toList();
    }

    /** Every current line with its inspection status: OVERDUE, DUE (within 6 months) or OK. */
    @Transactional(readOnly = true)
    public List<InspectionStatus> inspectionStatus() {
        LocalDate today = LocalDate.now(clock);
        List<InspectionEntity> all = inspections.findAllByOrderByInspectedOn();
        List<InspectionStatus> result = new ArrayList<>();
        for (BoundaryLineView line : lines.current()) {
            LocalDate lastRoutine = null;
            LocalDate lastAny = null;
            for (InspectionEntity i : all) {
                if (i.lineCode.equals(line.lineCode())) {
                    lastAny = i.inspectedOn;
                    if (i.kind == InspectionKind.ROUTINE) {
                        lastRoutine = i.inspectedOn;
                    }
                }
            }
            LocalDate due = lastRoutine == null ? null : lastRoutine.plusYears(INSPECTION_INTERVAL_YEARS);
            String status = due == null || due.isBefore(today) ? "OVERDUE"
                    : due.isBefore(today.plusMonths(6)) ? "DUE" : "OK";
            result.add(new InspectionStatus(line.lineCode(), line.nameA(), line.nameB(), line.level(), lastRoutine,
                    lastAny, due, status));
        }
        return result;
    }

    private void recordCondition(MarkerEntity m, MarkerCondition condition, LocalDate on, String remarks,
            Long inspectionId) {
        MarkerConditionEntity c = new MarkerConditionEntity();
        c.markerId = m.id;
        c.condition = condition;
        c.observedOn = on;
        c.recordedBy = CurrentUser.name();
        c.remarks = remarks == null ? null : remarks.length() > 2000 ? remarks.substring(0, 2000) : remarks;
        c.inspectionId = inspectionId;
        conditions.save(c);
    }

    /** Surveyed coordinates to WGS 84: EPSG:4326 and CGCS2000 (EPSG:4490, equal for mapping), or GCJ-02. */
    static Point toWgs84(Double x, Double y, String crs) {
        if (x == null || y == null || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw ProblemException.badParameter("x", "请给出界桩坐标 x、y / the marker needs coordinates x and y");
        }
        String c = crs == null ? "EPSG:4326" : crs.strip().toUpperCase(Locale.ROOT);
        if (Math.abs(x) > 180 || Math.abs(y) > 90) {
            throw ProblemException.badParameter("x", "坐标超出经纬度范围；投影坐标（高斯-克吕格）暂不支持，请换算为经纬度 / "
                    + "the coordinates are not longitude/latitude; projected (Gauss-Krüger) coordinates are not "
                    + "supported here yet");
        }
        return switch (c) {
            case "EPSG:4326", "EPSG:4490", "WGS84", "CGCS2000" -> Geometries.point(x, y);
            case "GCJ-02", "GCJ02" -> {
                double[] wgs = ChinaOffsetDatums.gcj02ToWgs84(x, y);
                yield Geometries.point(wgs[0], wgs[1]);
            }
            default -> throw ProblemException.badParameter("crs", "不支持的坐标系 '" + crs + "'，可选 EPSG:4326、"
                    + "EPSG:4490、GCJ-02 / unsupported CRS '" + crs + "'");
        };
    }

    private MarkerView view(MarkerEntity m) {
        return new MarkerView(m.id, m.number, m.lineCode, m.markerType, m.markerType.label(), m.location.getX(),
                m.location.getY(), m.surveyedX, m.surveyedY, m.surveyedCrs, m.keptBy, m.condition, m.condition.label(),
                m.installedOn, m.synthetic, m.version,
                conditions.findByMarkerIdOrderById(m.id).stream().map(c -> new ConditionEntry(c.condition,
                        c.observedOn, c.recordedBy, c.remarks, c.inspectionId)).toList());
    }

    private static InspectionView inspectionView(InspectionEntity i) {
        return new InspectionView(i.id, i.lineCode, i.kind, i.kind.label(), i.inspectedOn, i.parties, i.findings,
                i.followUp, i.recordedBy);
    }

    /** Geodesic distance from the point to the nearest point of the line (nearest found in degrees: a sanity check). */
    static double metresToLine(Point p, org.locationtech.jts.geom.Geometry line) {
        var nearest = org.locationtech.jts.operation.distance.DistanceOp.nearestPoints(p, line)[1];
        return net.sf.geographiclib.Geodesic.WGS84.Inverse(p.getY(), p.getX(), nearest.y, nearest.x).s12;
    }

    static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(field, field + " 须为 " + List.of(type.getEnumConstants()) + " 之一 / "
                    + field + " must be one of " + List.of(type.getEnumConstants()));
        }
    }

    static ProblemException unknownMarker(long id) {
        return ProblemException.notFound("没有编号为 " + id + " 的界桩 / no marker " + id);
    }

}

package org.civatlas.boundaries;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civatlas.boundaries.core.Adjacency;
import org.civatlas.boundaries.core.BoundaryLine;
import org.civatlas.boundaries.core.Overlap;
import org.civatlas.boundaries.core.Problem;
import org.civatlas.boundaries.core.SharedBoundaries;
import org.civatlas.boundaries.core.TopologyCheck;
import org.civatlas.boundaries.core.Unit;
import org.civatlas.boundaries.internal.BoundaryLineEntity;
import org.civatlas.boundaries.internal.BoundaryLineRepository;
import org.civatlas.common.ChangeOrigin;
import org.civatlas.common.ProblemException;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionCodes;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.divisions.DivisionsChanged;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Boundary lines derived from the units: counties among themselves, the county's townships, each township's villages.
 * A recomputation keeps a line whose two source geometries are unchanged, and supersedes (keeps, with validTo) one
 * whose geometry changed.
 */
@Service
public class BoundaryLineService {

    /**
     * Real county outlines are quantised to 1/1024° (about 100 m) and their neighbours overlap or gap by a quantum or
     * two: their shared linework is found within 2/1024°. Generated units share exact vertices: a grid step suffices.
     */
    static final double REAL_DATA_TOLERANCE_DEGREES = 2.0 / 1024;
    static final double EXACT_TOLERANCE_DEGREES = 1e-7;
    static final double GAP_WIDTH_DEGREES = 1e-6;

    private final BoundaryLineRepository lines;
    private final DivisionQueries divisions;
    private final Clock clock;
    private final String countyCode;
    private final org.springframework.context.ApplicationEventPublisher events;

    BoundaryLineService(BoundaryLineRepository lines, DivisionQueries divisions,
            org.springframework.context.ApplicationEventPublisher events, Optional<Clock> clock,
            @Value("${civatlas.site.county-code}") String countyCode) {
        this.events = events;
        this.lines = lines;
        this.divisions = divisions;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.countyCode = countyCode;
    }

    /** The line code from the two units' significant code digits, ordered: e.g. 653101-653122. */
    public static String lineCode(String codeA, String codeB) {
        String a = significant(codeA);
        String b = significant(codeB);
        return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
    }

    static String significant(String code12) {
        return DivisionCodes.significantPrefix(code12);
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void divisionsChanged(DivisionsChanged event) {
        if (ChangeOrigin.isRemote()) {
            return; // derived once, by the node where the units changed; its BoundariesChanged reaches this node
        }
        recomputeAll();
    }

    /** Recomputes every line; returns how many current lines there are. */
    @Transactional
    public int recomputeAll() {
        Map<String, Derived> derived = new LinkedHashMap<>();
        derive(allCounties(), "COUNTY", derived);
        if (divisions.byCode(countyCode).isPresent()) {
            derive(divisions.descendants(countyCode, DivisionLevel.TOWNSHIP), "TOWNSHIP", derived);
            for (Division township : divisions.descendants(countyCode, DivisionLevel.TOWNSHIP)) {
                derive(divisions.descendants(township.code(), DivisionLevel.VILLAGE), "VILLAGE", derived);
            }
        }
        var now = clock.instant();
        boolean changed = false;
        Map<String, BoundaryLineEntity> current = new LinkedHashMap<>();
        for (BoundaryLineEntity e : lines.findByValidToIsNullOrderByLineCode()) {
            current.put(e.lineCode, e);
        }
        for (Derived d : derived.values()) {
            BoundaryLineEntity old = current.remove(d.entity.lineCode);
            if (old != null && old.sourceVersion.equals(d.entity.sourceVersion)) {
                continue;
            }
            if (old != null) {
                old.validTo = now;
            }
            d.entity.computedAt = now;
            lines.save(d.entity);
            changed = true;
        }
        current.values().forEach(gone -> gone.validTo = now);
        if (changed || !current.isEmpty()) {
            events.publishEvent(new BoundariesChanged("lines"));
        }
        return derived.size();
    }

    private List<Division> allCounties() {
        // every county-level unit in the database (the county and its neighbours)
        List<Division> counties = new ArrayList<>();
        for (long offset = 0; ; offset += 1000) {
            List<Division> page = divisions.page(DivisionLevel.COUNTY, null, (int) offset, 1000);
            counties.addAll(page);
            if (page.size() < 1000) {
                return counties;
            }
        }
    }

    private record Derived(BoundaryLineEntity entity) {
    }

    private void derive(List<Division> siblings, String level, Map<String, Derived> into) {
        Map<String, Division> byCode = new LinkedHashMap<>();
        List<Unit> units = new ArrayList<>();
        for (Division d : siblings) {
            if (d.geometry() != null) {
                byCode.put(d.code(), d);
                units.add(new Unit(d.code(), d.name(), d.geometry()));
            }
        }
        if (units.size() < 2) {
            return;
        }
        boolean synthetic = siblings.stream().allMatch(Division::geometrySynthetic);
        Adjacency adjacency = SharedBoundaries.derive(units, synthetic ? EXACT_TOLERANCE_DEGREES
                : REAL_DATA_TOLERANCE_DEGREES);
        Map<String, Double> overlaps = new LinkedHashMap<>();
        for (Overlap o : adjacency.overlaps()) {
            overlaps.merge(lineCode(o.codeA(), o.codeB()), o.areaSquareMetres(), Double::sum);
        }
        for (BoundaryLine l : adjacency.lines()) {
            Division a = byCode.get(l.codeA());
            Division b = byCode.get(l.codeB());
            BoundaryLineEntity e = new BoundaryLineEntity();
            e.lineCode = lineCode(a.code(), b.code());
            boolean aFirst = significant(a.code()).compareTo(significant(b.code())) <= 0;
            Division first = aFirst ? a : b;
            Division second = aFirst ? b : a;
            e.codeA = first.code();
            e.codeB = second.code();
            e.nameA = first.name();
            e.nameB = second.name();
            e.level = level;
            e.geometry = (org.locationtech.jts.geom.MultiLineString) Geometries.WGS84.createGeometry(l.geometry());
            e.geometry.setSRID(Geometries.WGS84_SRID);
            e.lengthM = l.lengthMetres();
            e.overlapM2 = overlaps.get(e.lineCode);
            e.sourceVersion = sourceVersion(first, second);
            e.geometrySynthetic = a.geometrySynthetic() || b.geometrySynthetic();
            into.put(e.lineCode, new Derived(e));
        }
    }

    /** A digest of the two source geometries: it changes exactly when either unit's geometry does. */
    static String sourceVersion(Division a, Division b) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            WKBWriter wkb = new WKBWriter();
            sha.update(wkb.write(a.geometry()));
            sha.update(ByteBuffer.allocate(1).put((byte) '|').array());
            sha.update(wkb.write(b.geometry()));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    public List<BoundaryLineView> current() {
        return lines.findByValidToIsNullOrderByLineCode().stream().map(BoundaryLineService::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<BoundaryLineView> current(String lineCode) {
        return lines.findByLineCodeOrderById(lineCode).stream().filter(e -> e.validTo == null).findFirst()
                .map(BoundaryLineService::view);
    }

    /** Every version of a line, oldest first. */
    @Transactional(readOnly = true)
    public List<BoundaryLineView> history(String lineCode) {
        return lines.findByLineCodeOrderById(lineCode).stream().map(BoundaryLineService::view).toList();
    }

    /**
     * Topology problems among the children of a unit and against the unit itself. A prefecture code (4 digits, or
     * 12 digits ending in 00000000) checks the county-level units stored under it, which have no parent geometry.
     */
    @Transactional(readOnly = true)
    public List<Problem> topology(String parentCode) {
        if (parentCode == null || !parentCode.matches("\\d{4}|\\d{12}")) {
            throw ProblemException.badParameter("parent", "parent 须为 12 位行政区划代码或 4 位地区代码 / parent must be "
                    + "a 12-digit division code or a 4-digit prefecture code");
        }
        if (parentCode.length() == 4 || parentCode.endsWith("00000000")) {
            String prefix = parentCode.substring(0, 4);
            List<Division> counties = allCounties().stream().filter(d -> d.code().startsWith(prefix))
                    .filter(d -> d.geometry() != null).toList();
            if (counties.isEmpty()) {
                throw ProblemException.notFound("地区 " + prefix + " 下没有县级单位 / no county-level units under " + prefix);
            }
            return withStoredFlags(counties, TopologyCheck.check(counties.stream()
                    .map(d -> new Unit(d.code(), d.name(), d.geometry())).toList(), null, GAP_WIDTH_DEGREES));
        }
        Division parent = divisions.byCode(parentCode).orElseThrow(() -> ProblemException.notFound(
                "没有行政区划 " + parentCode + " / no unit " + parentCode));
        if (parent.level() == DivisionLevel.VILLAGE) {
            throw ProblemException.badParameter("parent", "村级单位没有下级 / a village has no children");
        }
        List<Division> children = divisions.children(parentCode).stream().filter(d -> d.geometry() != null).toList();
        return withStoredFlags(children, TopologyCheck.check(children.stream()
                .map(d -> new Unit(d.code(), d.name(), d.geometry())).toList(), parent.geometry() == null ? null
                : new Unit(parent.code(), parent.name(), parent.geometry()), GAP_WIDTH_DEGREES));
    }

    /**
     * Adds the units the data itself flags invalid (e.g. a defect of the source polygon that the datum shift turned
     * into a sliver JTS no longer reports) when the check found nothing invalid for them.
     */
    private static List<Problem> withStoredFlags(List<Division> units, List<Problem> found) {
        List<Problem> all = new ArrayList<>(found);
        for (Division d : units) {
            boolean reported = found.stream().anyMatch(p -> p.kind().equals(Problem.INVALID)
                    && p.units().contains(d.code()));
            if (!d.geometryValid() && !reported) {
                var centre = d.geometry().getEnvelopeInternal().centre();
                all.add(new Problem(Problem.INVALID, List.of(d.code()), Geometries.point(centre.x, centre.y),
                        "flagged invalid in the source data: " + d.geometryInvalidReason()));
            }
        }
        return all;
    }

    private static BoundaryLineView view(BoundaryLineEntity e) {
        return new BoundaryLineView(e.id, e.lineCode, e.codeA, e.nameA, e.codeB, e.nameB, e.level, e.geometry,
                e.lengthM, e.overlapM2, e.sourceVersion, e.geometrySynthetic, e.computedAt, e.validTo);
    }
}

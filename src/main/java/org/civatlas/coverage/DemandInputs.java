package org.civatlas.coverage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.civatlas.common.ProblemException;
import org.civatlas.coverage.core.DemandPoint;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.divisions.UrbanRural;
import org.locationtech.jts.geom.Point;

/**
 * The demand side of coverage questions: the units of a level within a unit (optionally urban or rural only), their
 * population points and the names of the groups a result is broken down by, kept under the divisions' data version.
 * The version is read before the units, so a change committed meanwhile makes the next call read them again.
 */
final class DemandInputs {

    private final DivisionQueries divisions;
    /** Moved by every {@code DivisionsChanged}. */
    private final AtomicLong version = new AtomicLong();
    private final Cache<Key, DemandSet> sets = Caffeine.newBuilder().maximumSize(500).build();
    private final Map<String, Point> populationPoints = new ConcurrentHashMap<>();

    DemandInputs(DivisionQueries divisions) {
        this.divisions = divisions;
    }

    /** The units changed: the next question reads them again. */
    void changed() {
        version.incrementAndGet();
        populationPoints.clear();
    }

    private record Key(long version, String unitCode, DivisionLevel level, UrbanRural urbanRural) {
    }

    /**
     * The unit, its demand units (with a geometry, in code order), their population points (weight: population) and
     * the names of the groups of a result's {@code byUnit}.
     */
    record DemandSet(Division unit, List<Division> demand, List<DemandPoint> points, Map<String, String> groupNames) {
    }

    Division requireUnit(String code) {
        return divisions.byCode(code).orElseThrow(() -> ProblemException.notFound(
                "没有代码为 " + code + " 的行政区划 / no administrative unit with code " + code));
    }

    /** The level demand units are at must be at or below the unit's own. */
    static void requireLevelWithin(Division unit, DivisionLevel level) {
        if (level.compareTo(unit.level()) < 0) {
            throw ProblemException.badParameter("level", "level 须不高于所选单位的级别 / level must be at or below "
                    + "the level of the unit (" + unit.level() + ")");
        }
    }

    /** The level a result of {@code unit} is broken down by: its children (a village: itself). */
    static DivisionLevel groupLevel(Division unit) {
        return unit.level() == DivisionLevel.VILLAGE ? DivisionLevel.VILLAGE
                : DivisionLevel.values()[unit.level().ordinal() + 1];
    }

    /** The unit's population point: a point inside its polygon (JTS interior point), the same for every run. */
    Point populationPoint(Division unit) {
        return populationPoints.computeIfAbsent(unit.code(), c -> unit.geometry().getInteriorPoint());
    }

    /** An unknown unit is a problem, not kept; a level above the unit's is an empty set (callers refuse it). */
    DemandSet of(String unitCode, DivisionLevel level, UrbanRural urbanRural) {
        return sets.get(new Key(version.get(), unitCode, level, urbanRural), k -> {
            Division unit = requireUnit(unitCode);
            if (level.compareTo(unit.level()) < 0) { // refused by the callers, after their other checks
                return new DemandSet(unit, List.of(), List.of(), Map.of());
            }
            List<Division> demand = divisions.descendants(unit.code(), level).stream()
                    .filter(d -> urbanRural == null || d.urbanRural() == urbanRural)
                    .filter(d -> d.geometry() != null)
                    .toList();
            List<DemandPoint> points = new ArrayList<>(demand.size());
            for (Division d : demand) {
                Point p = d.geometry().getInteriorPoint(); // as populationPoint, from this read's geometry
                points.add(new DemandPoint(d.code(), p.getX(), p.getY(), d.population() == null ? 0 : d.population()));
            }
            DivisionLevel groupLevel = groupLevel(unit);
            Map<String, String> groupNames = new LinkedHashMap<>();
            for (Division child : groupLevel == level ? demand : divisions.children(unit.code())) {
                groupNames.put(child.code(), child.name());
            }
            return new DemandSet(unit, demand, List.copyOf(points), Collections.unmodifiableMap(groupNames));
        });
    }
}

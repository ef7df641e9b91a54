package org.civatlas.coverage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.civatlas.common.ProblemException;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.divisions.DivisionsChanged;
import org.civatlas.divisions.UrbanRural;
import org.civatlas.facilities.FacilitiesChanged;
import org.civatlas.facilities.Facility;
import org.civatlas.facilities.FacilityRegistry;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Coverage indicators over the county's units and facilities. Results are cached; any change of a facility or a
 * unit (events from those modules) starts a new cache generation, so a stale result is never served after the
 * change is committed.
 */
@Service
public class CoverageService {

    static final double MAX_DISTANCE_METRES = 200_000;

    private final DivisionQueries divisions;
    private final FacilityRegistry facilities;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Object, Object> cache = Caffeine.newBuilder().maximumSize(2_000).build();
    private final Map<String, Point> populationPoints = new ConcurrentHashMap<>();

    CoverageService(DivisionQueries divisions, FacilityRegistry facilities, Optional<Clock> clock) {
        this.divisions = divisions;
        this.facilities = facilities;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void facilitiesChanged(FacilitiesChanged event) {
        generation.incrementAndGet();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void divisionsChanged(DivisionsChanged event) {
        populationPoints.clear();
        generation.incrementAndGet();
    }

    /** The current cache generation: it changes whenever facilities or units change. */
    public long generation() {
        return generation.get();
    }

    /**
     * Caches any computation over units and facilities under the current generation. Not an atomic
     * {@code cache.get(key, fn)}: computations nest (a target's value uses a coverage result), and a nested
     * compute inside Caffeine's map is a recursive update; computing twice under a race is harmless.
     */
    @SuppressWarnings("unchecked")
    public <T> T cached(Object key, java.util.function.Supplier<T> compute) {
        List<Object> fullKey = List.of(generation.get(), key);
        Object hit = cache.getIfPresent(fullKey);
        if (hit != null) {
            return (T) hit;
        }
        T value = compute.get();
        if (value != null) {
            cache.put(fullKey, value);
        }
        return value;
    }

    public CoverageResult coverage(CoverageQuery query) {
        List<String> types = expandGroups(query.types());
        CoverageQuery expanded = types.equals(query.types()) ? query : new CoverageQuery(query.unitCode(), types,
                query.rule(), query.distanceMetres(), query.level(), query.urbanRural(), query.asOf(), query.scenario());
        return cached(expanded, () -> compute(expanded));
    }

    /** Type codes as given, with any type-group code (e.g. ELDERLY) replaced by the types of that group. */
    public List<String> expandGroups(List<String> typesOrGroups) {
        var types = facilities.types();
        List<String> expanded = new ArrayList<>();
        for (String code : typesOrGroups) {
            List<String> ofGroup = types.stream().filter(t -> t.group().equals(code)).map(t -> t.code()).toList();
            if (ofGroup.isEmpty()) {
                expanded.add(code);
            } else {
                expanded.addAll(ofGroup);
            }
        }
        return expanded.stream().distinct().sorted().toList();
    }

    /** The unit's population point: a point inside its polygon (JTS interior point), the same for every run. */
    public Point populationPoint(Division unit) {
        return populationPoints.computeIfAbsent(unit.code(), c -> unit.geometry().getInteriorPoint());
    }

    /** The facilities that count on the date in the scenario, of the given types. */
    public List<Facility> countingFacilities(List<String> types, LocalDate asOf, Scenario scenario) {
        Predicate<Facility> counts = scenario == Scenario.WITH_PLANNED
                ? f -> f.operatingOrPlannedOn(asOf) : f -> f.operatingOn(asOf);
        return facilities.all().stream().filter(f -> types.contains(f.typeCode())).filter(counts).toList();
    }

    public void requireKnownTypes(List<String> types) {
        if (types.isEmpty()) {
            throw ProblemException.badParameter("types", "请至少选择一种设施类型 / give at least one facility type");
        }
        var known = facilities.typesByCode().keySet();
        List<String> unknown = types.stream().filter(t -> !known.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badParameter("types", "未知的设施类型 " + unknown + "，可选：" + known
                    + "，或类型组 " + facilities.types().stream().map(t -> t.group()).distinct().toList()
                    + " / unknown facility types " + unknown);
        }
    }

    public Division requireUnit(String code) {
        return divisions.byCode(code).orElseThrow(() -> ProblemException.notFound(
                "没有代码为 " + code + " 的行政区划 / no administrative unit with code " + code));
    }

    /** The demand units of the query with their population points, in code order. */
    public List<Division> demandUnits(Division unit, DivisionLevel level, UrbanRural urbanRural) {
        if (level.compareTo(unit.level()) < 0) {
            throw ProblemException.badParameter("level", "level 须不高于所选单位的级别 / level must be at or below "
                    + "the level of the unit (" + unit.level() + ")");
        }
        return divisions.descendants(unit.code(), level).stream()
                .filter(d -> urbanRural == null || d.urbanRural() == urbanRural)
                .filter(d -> d.geometry() != null)
                .toList();
    }

    private CoverageResult compute(CoverageQuery q) {
        Division unit = requireUnit(q.unitCode());
        requireKnownTypes(q.types());
        if (q.rule() == CoverageRule.DISTANCE && (q.distanceMetres() == null || q.distanceMetres() <= 0
                || q.distanceMetres() > MAX_DISTANCE_METRES)) {
            throw ProblemException.badParameter("distance", "按距离计算时须给出 0 到 200000 米之间的 distance / "
                    + "the distance rule needs distance in metres, above 0 and at most 200000");
        }
        List<Division> demand = demandUnits(unit, q.level(), q.urbanRural());
        List<CoverageCalculator.Demand> points = new ArrayList<>(demand.size());
        for (Division d : demand) {
            Point p = populationPoint(d);
            points.add(new CoverageCalculator.Demand(d.code(), d.population() == null ? 0 : d.population(), p.getX(),
                    p.getY()));
        }
        List<CoverageCalculator.Supply> supply = countingFacilities(q.types(), q.asOf(), q.scenario()).stream()
                .map(f -> new CoverageCalculator.Supply(Long.toString(f.id()), f.unitCode(), f.location().getX(),
                        f.location().getY())).toList();
        int prefix = switch (q.level()) {
            case COUNTY -> 6;
            case TOWNSHIP -> 9;
            case VILLAGE -> 12;
        };
        BitSet covered = CoverageCalculator.covered(points, supply, q.rule(),
                q.distanceMetres() == null ? 0 : q.distanceMetres(), prefix);
        return aggregate(q, unit, demand, covered);
    }

    private CoverageResult aggregate(CoverageQuery q, Division unit, List<Division> demand, BitSet covered) {
        Tally all = new Tally();
        Tally urban = new Tally();
        Tally rural = new Tally();
        Map<String, Tally> byGroup = new LinkedHashMap<>();
        Map<String, String> groupNames = new LinkedHashMap<>();
        DivisionLevel groupLevel = unit.level() == DivisionLevel.VILLAGE ? DivisionLevel.VILLAGE
                : DivisionLevel.values()[unit.level().ordinal() + 1];
        for (Division child : groupLevel == q.level() ? demand : divisions.children(unit.code())) {
            groupNames.put(child.code(), child.name());
        }
        List<String> uncovered = new ArrayList<>();
        List<CoverageResult.UnitRef> uncoveredUnits = new ArrayList<>();
        boolean populationSynthetic = false;
        for (int i = 0; i < demand.size(); i++) {
            Division d = demand.get(i);
            boolean isCovered = covered.get(i);
            long population = d.population() == null ? 0 : d.population();
            populationSynthetic |= d.populationSynthetic();
            all.add(isCovered, population);
            (d.urbanRural() == UrbanRural.URBAN ? urban : rural).add(isCovered, population);
            String group = groupLevel == q.level() ? d.code() : ancestorCode(d, groupLevel);
            byGroup.computeIfAbsent(group, g -> new Tally()).add(isCovered, population);
            if (!isCovered) {
                uncovered.add(d.code());
                Point p = populationPoint(d);
                uncoveredUnits.add(new CoverageResult.UnitRef(d.code(), d.name(), d.parentCode(), d.population(),
                        p.getX(), p.getY()));
            }
        }
        List<CoverageResult.UnitShare> byUnit = new ArrayList<>();
        byGroup.forEach((code, t) -> byUnit.add(new CoverageResult.UnitShare(code, groupNames.getOrDefault(code, code),
                t.covered, t.total, t.share(), t.populationShare())));
        return new CoverageResult(unit.code(), unit.name(), q.level().name().toLowerCase(), q.types(), q.rule(),
                q.distanceMetres(), q.asOf(), q.scenario(), q.urbanRural() == null ? null : q.urbanRural().name(),
                all.covered, all.total, all.share(), all.populationShare(), all.coveredPopulation, all.population,
                uncovered, uncoveredUnits, byUnit, urban.split(), rural.split(), populationSynthetic);
    }

    /** The code of the unit's ancestor at a level, from the hierarchical code (no database round trip). */
    static String ancestorCode(Division d, DivisionLevel level) {
        return switch (level) {
            case COUNTY -> d.code().substring(0, 6) + "000000";
            case TOWNSHIP -> d.code().substring(0, 9) + "000";
            case VILLAGE -> d.code();
        };
    }

    private static final class Tally {
        int covered;
        int total;
        long coveredPopulation;
        long population;

        void add(boolean isCovered, long people) {
            total++;
            population += people;
            if (isCovered) {
                covered++;
                coveredPopulation += people;
            }
        }

        double share() {
            return total == 0 ? 0 : (double) covered / total;
        }

        double populationShare() {
            return population == 0 ? 0 : (double) coveredPopulation / population;
        }

        CoverageResult.Split split() {
            return new CoverageResult.Split(covered, total, share(), populationShare());
        }
    }
}

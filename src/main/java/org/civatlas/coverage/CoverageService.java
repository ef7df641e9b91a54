package org.civatlas.coverage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.civatlas.common.ProblemException;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.divisions.DivisionsChanged;
import org.civatlas.divisions.UrbanRural;
import org.civatlas.facilities.FacilitiesChanged;
import org.civatlas.facilities.Facility;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.facilities.FacilityType;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Coverage indicators over the county's units and facilities. Results are cached; any change of a facility or a
 * unit (events from those modules) starts a new cache generation, so a stale result is never served after the
 * change is committed.
 *
 * <p>A cache miss does not read the database: the facilities (plain {@link Facility} records, grouped by type) and
 * the types are kept in a {@link FacilitySnapshot} tagged with the facilities' data version, rebuilt on first use
 * after a {@link FacilitiesChanged}; the demand units of a query (units, population points, group names) are kept
 * per unit, level and urban/rural under the divisions' data version ({@link DivisionsChanged}). Concurrent misses of
 * one key wait for the one computation running (a per-key future, not a compute inside the cache's map).
 */
@Service
public class CoverageService {

    private final DivisionQueries divisions;
    private final FacilityRegistry facilities;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Object, Object> cache = Caffeine.newBuilder().maximumSize(2_000).build();
    private final Map<String, Point> populationPoints = new ConcurrentHashMap<>();
    /** Moved by every {@link FacilitiesChanged}, before {@link #generation}. */
    private final AtomicLong facilitiesVersion = new AtomicLong();
    /** Moved by every {@link DivisionsChanged}, before {@link #generation}. */
    private final AtomicLong divisionsVersion = new AtomicLong();
    private final Object snapshotLock = new Object();
    private volatile FacilitySnapshot snapshot;
    private final Cache<DemandKey, DemandSet> demandSets = Caffeine.newBuilder().maximumSize(500).build();
    private final Map<List<Object>, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

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
        facilitiesVersion.incrementAndGet();
        generation.incrementAndGet();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void divisionsChanged(DivisionsChanged event) {
        divisionsVersion.incrementAndGet();
        populationPoints.clear();
        generation.incrementAndGet();
    }

    /**
     * The facilities and types as of the facilities' current data version: plain records grouped by type, read from
     * the registry once per version (a caller that finds it stale rebuilds it; others wait for that one rebuild).
     * The version is read before the registry, so a change committed during a rebuild leaves the rebuilt snapshot
     * tagged with the older version, and the next call rebuilds again.
     */
    FacilitySnapshot facilitySnapshot() {
        FacilitySnapshot s = snapshot;
        if (s != null && s.version() == facilitiesVersion.get()) {
            return s;
        }
        synchronized (snapshotLock) {
            long version = facilitiesVersion.get();
            s = snapshot;
            if (s != null && s.version() == version) {
                return s;
            }
            s = FacilitySnapshot.of(version, facilities.types(), facilities.all());
            snapshot = s;
            return s;
        }
    }

    /** The facility registry in memory: what coverage indicators filter on a cache miss. */
    record FacilitySnapshot(long version, List<FacilityType> types, Map<String, FacilityType> typesByCode,
            Map<String, List<Facility>> byType, int size) {

        static FacilitySnapshot of(long version, List<FacilityType> types, List<Facility> all) {
            Map<String, List<Facility>> byType = all.stream().collect(Collectors.groupingBy(Facility::typeCode,
                    Collectors.toUnmodifiableList()));
            return new FacilitySnapshot(version, List.copyOf(types), Map.copyOf(types.stream().collect(
                    Collectors.toMap(FacilityType::code, Function.identity()))), Map.copyOf(byType), all.size());
        }
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
        // one computation per key at a time: later callers wait for the running one (keys of nested computations
        // differ from their caller's, so a computation never waits for itself)
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(fullKey, mine);
        if (running != null) {
            try {
                return (T) running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        try {
            hit = cache.getIfPresent(fullKey); // finished between our look and our claim
            T value = hit != null ? (T) hit : compute.get();
            if (value != null) {
                cache.put(fullKey, value);
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(fullKey, mine);
        }
    }

    public CoverageResult coverage(CoverageQuery query) {
        List<String> types = expandGroups(query.types());
        CoverageQuery expanded = types.equals(query.types()) ? query : new CoverageQuery(query.unitCode(), types,
                query.rule(), query.distanceMetres(), query.level(), query.urbanRural(), query.asOf(), query.scenario());
        return cached(expanded, () -> compute(expanded));
    }

    /** Type codes as given, with any type-group code (e.g. ELDERLY) replaced by the types of that group. */
    public List<String> expandGroups(List<String> typesOrGroups) {
        var types = facilitySnapshot().types();
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

    /** The facilities that count on the date in the scenario, of the given types, in id order. */
    public List<Facility> countingFacilities(List<String> types, LocalDate asOf, Scenario scenario) {
        Predicate<Facility> counts = scenario == Scenario.WITH_PLANNED
                ? f -> f.operatingOrPlannedOn(asOf) : f -> f.operatingOn(asOf);
        FacilitySnapshot s = facilitySnapshot();
        List<Facility> out = new ArrayList<>();
        for (String type : new LinkedHashSet<>(types)) {
            for (Facility f : s.byType().getOrDefault(type, List.of())) {
                if (counts.test(f)) {
                    out.add(f);
                }
            }
        }
        if (types.size() > 1) {
            out.sort(Comparator.comparingLong(Facility::id));
        }
        return out;
    }

    public void requireKnownTypes(List<String> types) {
        if (types.isEmpty()) {
            throw ProblemException.badParameter("types", "请至少选择一种设施类型 / give at least one facility type");
        }
        FacilitySnapshot s = facilitySnapshot();
        var known = s.typesByCode().keySet();
        List<String> unknown = types.stream().filter(t -> !known.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badParameter("types", "未知的设施类型 " + unknown + "，可选：" + known
                    + "，或类型组 " + s.types().stream().map(t -> t.group()).distinct().toList()
                    + " / unknown facility types " + unknown);
        }
    }

    public Division requireUnit(String code) {
        return divisions.byCode(code).orElseThrow(() -> ProblemException.notFound(
                "没有代码为 " + code + " 的行政区划 / no administrative unit with code " + code));
    }

    /** The demand units of the query with their population points, in code order. */
    public List<Division> demandUnits(Division unit, DivisionLevel level, UrbanRural urbanRural) {
        requireLevelWithin(unit, level);
        return demandSet(unit.code(), level, urbanRural).demand();
    }

    private static void requireLevelWithin(Division unit, DivisionLevel level) {
        if (level.compareTo(unit.level()) < 0) {
            throw ProblemException.badParameter("level", "level 须不高于所选单位的级别 / level must be at or below "
                    + "the level of the unit (" + unit.level() + ")");
        }
    }

    private record DemandKey(long divisionsVersion, String unitCode, DivisionLevel level, UrbanRural urbanRural) {
    }

    /** The unit, its demand units with their population points, and the names of the groups of {@code byUnit}. */
    private record DemandSet(Division unit, List<Division> demand, List<CoverageCalculator.Demand> points,
            Map<String, String> groupNames) {
    }

    /**
     * The demand units of a unit at a level, kept under the divisions' data version (read before the units, so a
     * change committed meanwhile makes the next call read them again). An unknown unit is a problem, not kept.
     */
    private DemandSet demandSet(String unitCode, DivisionLevel level, UrbanRural urbanRural) {
        return demandSets.get(new DemandKey(divisionsVersion.get(), unitCode, level, urbanRural), k -> {
            Division unit = requireUnit(unitCode);
            if (level.compareTo(unit.level()) < 0) { // refused by the callers, after their other checks
                return new DemandSet(unit, List.of(), List.of(), Map.of());
            }
            List<Division> demand = divisions.descendants(unit.code(), level).stream()
                    .filter(d -> urbanRural == null || d.urbanRural() == urbanRural)
                    .filter(d -> d.geometry() != null)
                    .toList();
            List<CoverageCalculator.Demand> points = new ArrayList<>(demand.size());
            for (Division d : demand) {
                Point p = d.geometry().getInteriorPoint(); // as populationPoint, from this read's geometry
                points.add(new CoverageCalculator.Demand(d.code(), d.population() == null ? 0 : d.population(),
                        p.getX(), p.getY()));
            }
            DivisionLevel groupLevel = groupLevel(unit);
            Map<String, String> groupNames = new LinkedHashMap<>();
            for (Division child : groupLevel == level ? demand : divisions.children(unit.code())) {
                groupNames.put(child.code(), child.name());
            }
            return new DemandSet(unit, demand, List.copyOf(points), java.util.Collections.unmodifiableMap(groupNames));
        });
    }

    private static DivisionLevel groupLevel(Division unit) {
        return unit.level() == DivisionLevel.VILLAGE ? DivisionLevel.VILLAGE
                : DivisionLevel.values()[unit.level().ordinal() + 1];
    }

    private CoverageResult compute(CoverageQuery q) {
        DemandSet set = demandSet(q.unitCode(), q.level(), q.urbanRural());
        requireKnownTypes(q.types());
        CoverageParams.requireDistance(q.rule(), q.distanceMetres());
        Division unit = set.unit();
        requireLevelWithin(unit, q.level());
        List<Division> demand = set.demand();
        List<CoverageCalculator.Demand> points = set.points();
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
        return aggregate(q, set, covered);
    }

    private CoverageResult aggregate(CoverageQuery q, DemandSet set, BitSet covered) {
        Division unit = set.unit();
        List<Division> demand = set.demand();
        Tally all = new Tally();
        Tally urban = new Tally();
        Tally rural = new Tally();
        Map<String, Tally> byGroup = new LinkedHashMap<>();
        Map<String, String> groupNames = set.groupNames();
        DivisionLevel groupLevel = groupLevel(unit);
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
                CoverageCalculator.Demand p = set.points().get(i);
                uncoveredUnits.add(new CoverageResult.UnitRef(d.code(), d.name(), d.parentCode(), d.population(),
                        p.lon(), p.lat()));
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

package org.civatlas.coverage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Supplier;
import org.civatlas.coverage.core.DemandPoint;
import org.civatlas.coverage.core.SupplyPoint;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionCodes;
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
 * Coverage indicators over the county's units and facilities, and what site planning and plan targets share with
 * them. Three parts, each in its own class: the inputs ({@link FacilityInputs}, the facility snapshot per facilities
 * version; {@link DemandInputs}, the demand units per divisions version), the results' cache ({@link CoverageCache},
 * per generation) and, here, the question itself (checks, which units are covered, the tallies).
 *
 * <p>A change event moves the inputs' version before the cache's generation, so a miss under the new generation
 * never reads the old inputs. A miss reads no database once the inputs are built.
 */
@Service
public class CoverageService {

    private final FacilityInputs facilities;
    private final DemandInputs demand;
    private final CoverageCache cache = new CoverageCache();
    private final Clock clock;

    CoverageService(DivisionQueries divisions, FacilityRegistry facilities, Optional<Clock> clock) {
        this.facilities = new FacilityInputs(facilities);
        this.demand = new DemandInputs(divisions);
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void facilitiesChanged(FacilitiesChanged event) {
        facilities.changed();
        cache.advance();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void divisionsChanged(DivisionsChanged event) {
        demand.changed();
        cache.advance();
    }

    /** The current cache generation: it changes whenever facilities or units change. */
    public long generation() {
        return cache.generation();
    }

    /** Caches any computation over units and facilities under the current generation ({@link CoverageCache}). */
    public <T> T cached(Object key, Supplier<T> compute) {
        return cache.get(key, compute);
    }

    public CoverageResult coverage(CoverageQuery query) {
        List<String> types = expandGroups(query.types());
        CoverageQuery expanded = types.equals(query.types()) ? query : new CoverageQuery(query.unitCode(), types,
                query.rule(), query.distanceMetres(), query.level(), query.urbanRural(), query.asOf(), query.scenario());
        return cached(expanded, () -> compute(expanded));
    }

    /** Type codes as given, with any type-group code (e.g. ELDERLY) replaced by the types of that group. */
    public List<String> expandGroups(List<String> typesOrGroups) {
        return facilities.expandGroups(typesOrGroups);
    }

    /** The unit's population point: a point inside its polygon (JTS interior point), the same for every run. */
    public Point populationPoint(Division unit) {
        return demand.populationPoint(unit);
    }

    /** The facilities that count on the date in the scenario, of the given types, in id order. */
    public List<Facility> countingFacilities(List<String> types, LocalDate asOf, Scenario scenario) {
        return facilities.counting(types, asOf, scenario);
    }

    public void requireKnownTypes(List<String> types) {
        facilities.requireKnownTypes(types);
    }

    public Division requireUnit(String code) {
        return demand.requireUnit(code);
    }

    /** The demand units of the query with their population points, in code order. */
    public List<Division> demandUnits(Division unit, DivisionLevel level, UrbanRural urbanRural) {
        DemandInputs.requireLevelWithin(unit, level);
        return demand.of(unit.code(), level, urbanRural).demand();
    }

    private CoverageResult compute(CoverageQuery q) {
        DemandInputs.DemandSet set = demand.of(q.unitCode(), q.level(), q.urbanRural());
        requireKnownTypes(q.types());
        CoverageParams.requireDistance(q.rule(), q.distanceMetres());
        DemandInputs.requireLevelWithin(set.unit(), q.level());
        List<Facility> counting = countingFacilities(q.types(), q.asOf(), q.scenario());
        BitSet covered = q.rule() == CoverageRule.CONTAINMENT
                ? CoverageCalculator.byContainment(set.points(), counting.stream().map(Facility::unitCode).toList(),
                        q.level())
                : CoverageCalculator.byDistance(set.points(), counting.stream().map(f -> new SupplyPoint(
                        Long.toString(f.id()), f.location().getX(), f.location().getY())).toList(),
                        q.distanceMetres());
        return aggregate(q, set, covered);
    }

    private static CoverageResult aggregate(CoverageQuery q, DemandInputs.DemandSet set, BitSet covered) {
        Division unit = set.unit();
        List<Division> demand = set.demand();
        Tally all = new Tally();
        Tally urban = new Tally();
        Tally rural = new Tally();
        Map<String, Tally> byGroup = new LinkedHashMap<>();
        Map<String, String> groupNames = set.groupNames();
        DivisionLevel groupLevel = DemandInputs.groupLevel(unit);
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
            String group = groupLevel == q.level() ? d.code() : DivisionCodes.ancestorAt(d.code(), groupLevel);
            byGroup.computeIfAbsent(group, g -> new Tally()).add(isCovered, population);
            if (!isCovered) {
                uncovered.add(d.code());
                DemandPoint p = set.points().get(i);
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

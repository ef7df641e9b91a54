package org.civatlas.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civatlas.common.CurrentUser;
import org.civatlas.common.ProblemException;
import org.civatlas.common.RequestParams;
import org.civatlas.coverage.core.DemandPoint;
import org.civatlas.coverage.core.DistanceCoverage;
import org.civatlas.coverage.core.SupplyPoint;
import org.civatlas.coverage.internal.PlanningRunEntity;
import org.civatlas.coverage.internal.PlanningRunRepository;
import org.civatlas.coverage.planning.CoverageInstance;
import org.civatlas.coverage.planning.PlanResult;
import org.civatlas.coverage.planning.SitePlanner;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.divisions.UrbanRural;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Site planning over the county's villages: builds the coverage instance (existing facilities, candidate sites,
 * which villages each candidate would cover), solves it with {@link SitePlanner}, and keeps the run.
 */
@Service
public class PlanningService {

    private final CoverageService coverage;
    private final DivisionQueries divisions;
    private final PlanningRunRepository runs;
    private final ObjectMapper json;
    private final Clock clock;
    private final String countyCode;

    PlanningService(CoverageService coverage, DivisionQueries divisions, PlanningRunRepository runs, ObjectMapper json,
            Optional<Clock> clock, @Value("${civatlas.site.county-code}") String countyCode) {
        this.coverage = coverage;
        this.divisions = divisions;
        this.runs = runs;
        this.json = json;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.countyCode = countyCode;
    }

    public record Site(int index, double lon, double lat, String name, String unitCode, List<String> covers) {
    }

    public record PlanningResult(Long id, Instant createdAt, String createdBy, String title, String objective,
            String weighting, CoverageRule rule, Double distance, List<String> types, String urbanRural,
            int demandUnits, int candidates, double shareBefore, double shareAfter, int coveredBefore,
            int coveredAfter, Double targetShare, Integer k, boolean targetReachable, double bestReachableShare,
            boolean optimal, double bound, double gap, String method, long elapsedMillis, List<Site> chosen,
            List<String> newlyCovered, List<String> stillUncovered) {
    }

    @Transactional
    public PlanningResult plan(PlanningRequest request) {
        List<String> types = coverage.expandGroups(request.types() == null ? List.of() : request.types());
        coverage.requireKnownTypes(types);
        CoverageRule rule = RequestParams.enumValue("rule", request.rule(), CoverageRule.class,
                CoverageRule.CONTAINMENT);
        UrbanRural urbanRural = RequestParams.enumValue("urbanRural", request.urbanRural(), UrbanRural.class,
                null);
        Scenario scenario = CoverageParams.scenario(request.scenario());
        String objective = request.objective() == null ? "MIN_SITES" : request.objective().toUpperCase(Locale.ROOT);
        boolean population = "POPULATION".equalsIgnoreCase(request.weighting());
        if (!List.of("MIN_SITES", "MAX_COVERAGE").contains(objective)) {
            throw ProblemException.badParameter("objective", "objective 须为 MIN_SITES 或 MAX_COVERAGE / objective "
                    + "must be MIN_SITES or MAX_COVERAGE");
        }
        if (request.weighting() != null && !population && !"COUNT".equalsIgnoreCase(request.weighting())) {
            throw ProblemException.badParameter("weighting", "weighting 须为 COUNT 或 POPULATION / weighting must be "
                    + "COUNT or POPULATION");
        }
        if (objective.equals("MIN_SITES") && (request.targetShare() == null || !(request.targetShare() > 0)
                || request.targetShare() > 1)) {
            throw ProblemException.badParameter("targetShare", "最少站点规划须给出 0 到 1 之间的目标覆盖率 targetShare（如 "
                    + "0.9）/ MIN_SITES needs targetShare in (0, 1], e.g. 0.9");
        }
        if (objective.equals("MAX_COVERAGE") && (request.k() == null || request.k() < 1 || request.k() > 10_000)) {
            throw ProblemException.badParameter("k", "最大覆盖规划须给出新站点数 k（1 到 10000）/ MAX_COVERAGE needs k, "
                    + "the number of new sites, from 1 to 10000");
        }
        CoverageParams.requireDistance(rule, request.distance());

        Division county = coverage.requireUnit(countyCode);
        List<Division> demand = coverage.demandUnits(county, DivisionLevel.VILLAGE, urbanRural);
        CoverageResult existing = coverage.coverage(new CoverageQuery(countyCode, types, rule, request.distance(),
                DivisionLevel.VILLAGE, urbanRural, coverage.today(), scenario));
        Set<String> uncovered = new HashSet<>(existing.uncovered());

        Map<String, Integer> demandIndex = new HashMap<>();
        List<DemandPoint> demandPoints = new ArrayList<>();
        double[] weights = new double[demand.size()];
        boolean[] alreadyCovered = new boolean[demand.size()];
        for (int i = 0; i < demand.size(); i++) {
            Division d = demand.get(i);
            demandIndex.put(d.code(), i);
            Point p = coverage.populationPoint(d);
            weights[i] = population ? (d.population() == null ? 0 : d.population()) : 1;
            alreadyCovered[i] = !uncovered.contains(d.code());
            demandPoints.add(new DemandPoint(d.code(), p.getX(), p.getY(), weights[i]));
        }

        List<Site> candidates = candidates(request, demand);
        int[][] coverageSets = new int[candidates.size()][];
        if (rule == CoverageRule.DISTANCE) {
            coverageSets = DistanceCoverage.coverageSets(demandPoints, candidates.stream()
                    .map(c -> new SupplyPoint(Integer.toString(c.index()), c.lon(), c.lat())).toList(),
                    request.distance());
        } else {
            for (int j = 0; j < candidates.size(); j++) {
                Integer i = candidates.get(j).unitCode() == null ? null : demandIndex.get(candidates.get(j).unitCode());
                coverageSets[j] = i == null ? new int[0] : new int[] {i};
            }
        }
        CoverageInstance instance = new CoverageInstance(weights, alreadyCovered, coverageSets);
        PlanResult result = objective.equals("MIN_SITES")
                ? SitePlanner.minimumSites(instance, request.targetShare(), SitePlanner.Options.defaults())
                : SitePlanner.maximalCovering(instance, request.k(), SitePlanner.Options.defaults());

        List<Site> chosen = new ArrayList<>();
        Set<String> newly = new java.util.TreeSet<>();
        for (int j : result.chosen()) {
            Site c = candidates.get(j);
            List<String> covers = new ArrayList<>();
            for (int i : coverageSets[j]) {
                if (!alreadyCovered[i]) {
                    covers.add(demand.get(i).code());
                    newly.add(demand.get(i).code());
                }
            }
            chosen.add(new Site(j, c.lon(), c.lat(), c.name(), c.unitCode(), covers));
        }
        List<String> stillUncovered = existing.uncovered().stream().filter(c -> !newly.contains(c)).toList();
        int coveredBefore = existing.covered();
        int coveredAfter = coveredBefore + newly.size();
        double shareBefore = population ? existing.populationShare() : existing.share();
        String who = CurrentUser.name();
        Instant now = clock.instant();
        PlanningResult answer = new PlanningResult(null, now, who, request.title(), objective,
                population ? "POPULATION" : "COUNT", rule, request.distance(), existing.types(),
                urbanRural == null ? null : urbanRural.name(), demand.size(), candidates.size(), shareBefore,
                result.coveredShare(), coveredBefore, coveredAfter, request.targetShare(), request.k(),
                result.targetReachable(), result.bestReachableShare(), result.optimal(), result.bound(), result.gap(),
                result.method(), result.elapsedMillis(), chosen, List.copyOf(newly), stillUncovered);
        PlanningRunEntity run = runs.save(new PlanningRunEntity(now, who, request.title(),
                json.writeValueAsString(request), json.writeValueAsString(answer)));
        return withId(answer, run.getId());
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> list() {
        return runs.findTop50ByOrderByIdDesc().stream().map(r -> {
            PlanningResult p = json.readValue(r.getResultJson(), PlanningResult.class);
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("id", r.getId());
            m.put("createdAt", r.getCreatedAt());
            m.put("createdBy", r.getCreatedBy());
            m.put("title", r.getTitle());
            m.put("objective", p.objective());
            m.put("types", p.types());
            m.put("sites", p.chosen().size());
            m.put("shareBefore", p.shareBefore());
            m.put("shareAfter", p.shareAfter());
            m.put("optimal", p.optimal());
            return m;
        }).toList();
    }

    @Transactional(readOnly = true)
    public Map<String, Object> run(long id) {
        PlanningRunEntity r = runs.findById(id).orElseThrow(() -> ProblemException.notFound(
                "没有编号为 " + id + " 的规划方案 / no planning run " + id));
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", r.getId());
        m.put("request", json.readTree(r.getRequestJson()));
        m.put("result", withId(json.readValue(r.getResultJson(), PlanningResult.class), r.getId()));
        return m;
    }

    private List<Site> candidates(PlanningRequest request, List<Division> demand) {
        List<Site> sites = new ArrayList<>();
        if (request.candidates() == null) {
            for (Division d : demand) {
                Point p = coverage.populationPoint(d);
                sites.add(new Site(sites.size(), p.getX(), p.getY(), d.name(), d.code(), List.of()));
            }
            return sites;
        }
        if (request.candidates().isEmpty()) {
            throw ProblemException.badParameter("candidates", "没有候选站点：请在地图上画出候选点，或不传 candidates 以使用各村"
                    + "人口点 / no candidate sites: draw candidate points, or omit candidates to use the villages' "
                    + "population points");
        }
        for (PlanningRequest.CandidatePoint c : request.candidates()) {
            if (c == null || c.lon() == null || c.lat() == null || !(Math.abs(c.lon()) <= 180) || !(Math.abs(c.lat()) <= 90)) {
                throw ProblemException.badParameter("candidates", "候选点 " + (sites.size() + 1) + " 缺少有效的经纬度 / "
                        + "candidate " + (sites.size() + 1) + " needs lon in -180..180 and lat in -90..90");
            }
            String unit = divisions.containing(c.lon(), c.lat()).stream()
                    .filter(d -> d.level() == DivisionLevel.VILLAGE).map(Division::code).findFirst().orElse(null);
            sites.add(new Site(sites.size(), c.lon(), c.lat(), c.name() == null ? "候选点 " + (sites.size() + 1)
                    : c.name(), unit, List.of()));
        }
        return sites;
    }

    private static PlanningResult withId(PlanningResult p, Long id) {
        return new PlanningResult(id, p.createdAt(), p.createdBy(), p.title(), p.objective(), p.weighting(), p.rule(),
                p.distance(), p.types(), p.urbanRural(), p.demandUnits(), p.candidates(), p.shareBefore(),
                p.shareAfter(), p.coveredBefore(), p.coveredAfter(), p.targetShare(), p.k(), p.targetReachable(),
                p.bestReachableShare(), p.optimal(), p.bound(), p.gap(), p.method(), p.elapsedMillis(), p.chosen(),
                p.newlyCovered(), p.stillUncovered());
    }
}

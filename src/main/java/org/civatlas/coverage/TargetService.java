package org.civatlas.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.civatlas.common.ProblemException;
import org.civatlas.common.Versions;
import org.civatlas.coverage.internal.PlanTargetEntity;
import org.civatlas.coverage.internal.PlanTargetRepository;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionCodes;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.UrbanRural;
import org.civatlas.facilities.Facility;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Measures each plan target's indicator for the county, now, on past dates, and with the planned sites. */
@Service
public class TargetService {

    private final PlanTargetRepository targets;
    private final CoverageService coverage;
    private final String countyCode;

    TargetService(PlanTargetRepository targets, CoverageService coverage,
            @Value("${civatlas.site.county-code}") String countyCode) {
        this.targets = targets;
        this.coverage = coverage;
        this.countyCode = countyCode;
    }

    /** A target with its measured values. {@code gap} is how far the current value is from the target (0 when met). */
    public record TargetStatus(String id, String title, String titleZh, String titleEn, String indicator,
            double target, Double current, Double withPlanned, String unit, double gap, boolean met,
            LocalDate deadline, Double baseline, Integer baselineYear, String source, PlanTarget definition,
            List<TrendPoint> trend) {
    }

    public record TrendPoint(LocalDate asOf, Double value, Double withPlanned) {
    }

    @Transactional(readOnly = true)
    public List<PlanTarget> all() {
        return targets.findAllByOrderById().stream().map(PlanTargetEntity::toTarget).toList();
    }

    @Transactional(readOnly = true)
    public List<TargetStatus> statuses(LocalDate asOf, boolean withTrend) {
        return all().stream().map(t -> status(t, asOf, withTrend)).toList();
    }

    @Transactional(readOnly = true)
    public TargetStatus status(String id, LocalDate asOf, boolean withTrend) {
        return status(targets.findById(id).map(PlanTargetEntity::toTarget).orElseThrow(() -> unknown(id)), asOf,
                withTrend);
    }

    @Transactional
    public PlanTarget save(String id, PlanTarget target, boolean create) {
        validate(target);
        PlanTargetEntity entity;
        if (create) {
            if (targets.existsById(id)) {
                throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "Target exists",
                        "目标 " + id + " 已存在 / target " + id + " already exists", "id");
            }
            entity = new PlanTargetEntity(id);
        } else {
            entity = targets.findById(id).orElseThrow(() -> unknown(id));
            Versions.require(target.version(), entity.version(), "目标 target " + id);
        }
        entity.apply(target);
        return targets.saveAndFlush(entity).toTarget();
    }

    private TargetStatus status(PlanTarget t, LocalDate asOf, boolean withTrend) {
        Double current = measure(t, asOf, Scenario.CURRENT);
        Double planned = measure(t, asOf, Scenario.WITH_PLANNED);
        List<TrendPoint> trend = new ArrayList<>();
        if (withTrend) {
            int from = t.baselineYear() == null ? asOf.getYear() - 5 : t.baselineYear();
            for (int year = from; year <= Math.min(t.deadline().getYear(), asOf.getYear()); year++) {
                LocalDate day = LocalDate.of(year, 12, 31);
                if (day.isBefore(asOf)) {
                    trend.add(new TrendPoint(day, measure(t, day, Scenario.CURRENT), null));
                }
            }
            trend.add(new TrendPoint(asOf, current, planned));
        }
        double gap = current == null ? t.targetValue() : Math.max(0, t.targetValue() - current);
        boolean met = current != null && current >= t.targetValue() - 1e-9;
        return new TargetStatus(t.id(), t.titleZh() + " " + t.titleEn(), t.titleZh(), t.titleEn(),
                t.indicator().name(), t.targetValue(), current, planned, t.unit(), gap, met, t.deadline(),
                t.baselineValue(), t.baselineYear(), t.source(), t, trend);
    }

    /** The indicator's value for the county on the day in the scenario (share in %, or a count). */
    public Double measure(PlanTarget t, LocalDate day, Scenario scenario) {
        return coverage.cached(List.of("target", t, day, scenario), () -> compute(t, day, scenario));
    }

    private Double compute(PlanTarget t, LocalDate day, Scenario scenario) {
        return switch (t.indicator()) {
            case MANUAL -> t.manualValue();
            case COVERAGE -> 100 * coverage.coverage(new CoverageQuery(countyCode, t.facilityTypes(),
                    t.coverageRule() == null ? CoverageRule.CONTAINMENT : CoverageRule.valueOf(t.coverageRule()),
                    t.distanceM(), DivisionLevel.VILLAGE,
                    t.urbanRural() == null ? null : UrbanRural.valueOf(t.urbanRural()), day, scenario)).share();
            case NEW_FACILITIES -> (double) counting(t, day, scenario).stream()
                    .filter(f -> t.sinceDate() == null || opensOnOrAfter(f, t.sinceDate())).count();
            case BED_RATIO -> {
                long beds = 0;
                long nursing = 0;
                for (Facility f : counting(t, day, scenario)) {
                    if (t.operator() == null || f.operator().name().equals(t.operator())) {
                        beds += f.beds() == null ? 0 : f.beds();
                        nursing += f.nursingBeds() == null ? 0 : f.nursingBeds();
                    }
                }
                yield beds == 0 ? null : 100.0 * nursing / beds;
            }
            case TOWNSHIP_PRESENCE -> {
                Division county = coverage.requireUnit(countyCode);
                List<Division> townships = coverage.demandUnits(county, DivisionLevel.TOWNSHIP, null);
                Set<String> served = new java.util.HashSet<>();
                for (Facility f : counting(t, day, scenario)) {
                    if (f.unitCode() != null) {
                        served.add(DivisionCodes.ancestorAt(f.unitCode(), DivisionLevel.TOWNSHIP));
                    }
                }
                long withOne = townships.stream()
                        .filter(d -> served.contains(DivisionCodes.ancestorAt(d.code(), DivisionLevel.TOWNSHIP))).count();
                yield townships.isEmpty() ? null : 100.0 * withOne / townships.size();
            }
            case FACILITY_PRESENCE -> (double) counting(t, day, scenario).stream()
                    .filter(f -> t.sinceDate() == null || opensOnOrAfter(f, t.sinceDate()))
                    .filter(f -> t.minBeds() == null || (f.beds() != null && f.beds() >= t.minBeds()))
                    .filter(f -> t.minFloorArea() == null
                            || (f.floorAreaM2() != null && f.floorAreaM2() >= t.minFloorArea()))
                    .count();
        };
    }

    /** A facility that opened on or after the day; a planned one (no opening date yet) will. */
    private static boolean opensOnOrAfter(Facility f, LocalDate since) {
        return f.openedOn() == null || !f.openedOn().isBefore(since);
    }

    private List<Facility> counting(PlanTarget t, LocalDate day, Scenario scenario) {
        return coverage.countingFacilities(coverage.expandGroups(t.facilityTypes()), day, scenario);
    }

    private void validate(PlanTarget t) {
        List<String> errors = new ArrayList<>();
        if (t.indicator() == null) {
            errors.add("目标须指定衡量指标 indicator / a target needs an indicator: one of "
                    + java.util.Arrays.toString(PlanTarget.Indicator.values()));
        }
        if (t.titleZh() == null || t.titleZh().isBlank()) {
            errors.add("请填写中文标题 titleZh / titleZh is required");
        }
        if (t.deadline() == null) {
            errors.add("请填写期限 deadline / deadline is required");
        }
        if (!Double.isFinite(t.targetValue()) || t.targetValue() < 0) {
            errors.add("目标值须为非负数 / targetValue must be a non-negative number");
        }
        if (!"%".equals(t.unit()) && !"count".equals(t.unit())) {
            errors.add("单位须为 % 或 count / unit must be % or count");
        }
        if ("%".equals(t.unit()) && t.targetValue() > 100) {
            errors.add("百分比目标不能超过 100 / a % target cannot exceed 100");
        }
        if (t.indicator() != null && t.indicator() != PlanTarget.Indicator.MANUAL) {
            if (t.facilityTypes().isEmpty()) {
                errors.add("该指标须指定设施类型 facilityTypes / this indicator needs facilityTypes");
            } else {
                try {
                    coverage.requireKnownTypes(coverage.expandGroups(t.facilityTypes()));
                } catch (ProblemException e) {
                    errors.add(e.getMessage());
                }
            }
        }
        if (t.indicator() == PlanTarget.Indicator.MANUAL && t.manualValue() == null) {
            errors.add("手工填报的目标须给出 manualValue / a MANUAL target needs manualValue");
        }
        if (t.indicator() == PlanTarget.Indicator.COVERAGE) {
            if (t.coverageRule() != null && !t.coverageRule().equals("CONTAINMENT")
                    && !t.coverageRule().equals("DISTANCE")) {
                errors.add("coverageRule 须为 CONTAINMENT 或 DISTANCE / coverageRule must be CONTAINMENT or DISTANCE");
            }
            if ("DISTANCE".equals(t.coverageRule()) && (t.distanceM() == null || t.distanceM() <= 0)) {
                errors.add("按距离覆盖须给出 distanceM / the DISTANCE rule needs distanceM above 0");
            }
            if (t.urbanRural() != null && !t.urbanRural().equals("URBAN") && !t.urbanRural().equals("RURAL")) {
                errors.add("urbanRural 须为 URBAN 或 RURAL / urbanRural must be URBAN or RURAL");
            }
        }
        if (t.operator() != null && !t.operator().equals("PUBLIC") && !t.operator().equals("PRIVATE")) {
            errors.add("operator 须为 PUBLIC 或 PRIVATE / operator must be PUBLIC or PRIVATE");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", errors));
        }
    }

    static ProblemException unknown(String id) {
        return ProblemException.notFound("没有目标 " + id + " / no plan target " + id);
    }
}

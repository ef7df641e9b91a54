package org.civatlas.coverage;

import java.util.List;
import java.util.regex.Pattern;
import org.civatlas.common.ProblemException;
import org.civatlas.common.RequestParams;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The plan's targets with their measured values (public); planners edit and add targets. */
@RestController
class TargetController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    private final TargetService targets;
    private final CoverageService coverage;

    TargetController(TargetService targets, CoverageService coverage) {
        this.targets = targets;
        this.coverage = coverage;
    }

    @GetMapping("/api/targets")
    List<TargetService.TargetStatus> all(@RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "false") boolean trend) {
        return targets.statuses(RequestParams.date("asOf", asOf, coverage.today()), trend);
    }

    @GetMapping("/api/targets/{id}")
    TargetService.TargetStatus one(@PathVariable String id, @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "true") boolean trend) {
        return targets.status(id, RequestParams.date("asOf", asOf, coverage.today()), trend);
    }

    @PutMapping("/api/targets/{id}")
    PlanTarget update(@PathVariable String id, @RequestBody PlanTarget target) {
        return targets.save(id, withId(id, target), false);
    }

    @PostMapping("/api/targets")
    @ResponseStatus(HttpStatus.CREATED)
    PlanTarget create(@RequestBody PlanTarget target) {
        if (target.id() == null || !ID.matcher(target.id()).matches()) {
            throw ProblemException.badParameter("id", "目标编号须为 1-16 位字母、数字、- 或 _ / id must be 1-16 "
                    + "letters, digits, - or _");
        }
        return targets.save(target.id(), withId(target.id(), target), true);
    }

    private static PlanTarget withId(String id, PlanTarget t) {
        return new PlanTarget(id, t.titleZh(), t.titleEn(), t.indicator(),
                t.facilityTypes() == null ? List.of() : t.facilityTypes(), t.urbanRural(), t.coverageRule(),
                t.distanceM(), t.operator(), t.sinceDate(), t.minBeds(), t.minFloorArea(), t.baselineValue(),
                t.baselineYear(), t.targetValue(), t.unit(), t.deadline(), t.manualValue(), t.source(),
                t.version());
    }
}

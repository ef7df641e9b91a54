package org.civatlas.coverage;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Site planning runs (planners and admins). */
@RestController
class PlanningController {

    private final PlanningService planning;

    PlanningController(PlanningService planning) {
        this.planning = planning;
    }

    @PostMapping("/api/planning/runs")
    @ResponseStatus(HttpStatus.CREATED)
    PlanningService.PlanningResult plan(@RequestBody PlanningRequest request) {
        return planning.plan(request);
    }

    @GetMapping("/api/planning/runs")
    List<Map<String, Object>> runs() {
        return planning.list();
    }

    @GetMapping("/api/planning/runs/{id}")
    Map<String, Object> run(@PathVariable long id) {
        return planning.run(id);
    }
}

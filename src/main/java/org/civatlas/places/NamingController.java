package org.civatlas.places;

import java.util.List;
import java.util.Locale;
import org.civatlas.common.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The naming and renaming procedure over HTTP; only NAME_OFFICER and ADMIN reach it (see SecurityConfig). */
@RestController
class NamingController {

    private final NamingWorkflow workflow;

    NamingController(NamingWorkflow workflow) {
        this.workflow = workflow;
    }

    @GetMapping("/api/naming/check")
    NamingWorkflow.Check check(@RequestParam String name, @RequestParam String category,
            @RequestParam String unitCode, @RequestParam(required = false) Long placeId) {
        return workflow.check(name, category, unitCode, placeId);
    }

    @GetMapping("/api/naming/cases")
    List<NamingCaseView> cases() {
        return workflow.list();
    }

    @PostMapping("/api/naming/cases")
    @ResponseStatus(HttpStatus.CREATED)
    NamingCaseView apply(@RequestBody NamingApplication application) {
        return workflow.apply(application);
    }

    @GetMapping("/api/naming/cases/{id}")
    NamingCaseView get(@PathVariable long id) {
        return workflow.get(id);
    }

    @PostMapping("/api/naming/cases/{id}/actions/{action}")
    NamingCaseView act(@PathVariable long id, @PathVariable String action,
            @RequestBody NamingStepInput input) {
        NamingAction parsed;
        try {
            parsed = NamingAction.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("action", "未知的操作 '" + action + "'，可选：" + List.of(
                    NamingAction.values()) + " / unknown action '" + action + "'");
        }
        return workflow.act(id, parsed, input);
    }
}

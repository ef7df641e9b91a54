package org.civatlas.facilities;

import org.civatlas.common.CurrentUser;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Facility registry over HTTP. Everyone sees where facilities are; capacities are for staff; planners edit. */
@RestController
@RequestMapping("/api")
class FacilityController {

    private final FacilityRegistry registry;

    FacilityController(FacilityRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/facility-types")
    List<FacilityType> types() {
        return registry.types();
    }

    @GetMapping("/facilities")
    List<Map<String, Object>> list(Authentication authentication) {
        boolean staff = CurrentUser.isStaff(authentication);
        return registry.all().stream().map(f -> FacilityJson.of(f, staff)).toList();
    }

    @GetMapping("/facilities/{id}")
    Map<String, Object> one(@PathVariable long id, Authentication authentication) {
        return FacilityJson.of(registry.byId(id).orElseThrow(() -> FacilityRegistry.unknown(id)),
                CurrentUser.isStaff(authentication));
    }

    @PostMapping("/facilities")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@Valid @RequestBody FacilityInput input,
            @RequestParam(defaultValue = "false") boolean confirmOutside) {
        return saved(registry.create(input, confirmOutside));
    }

    @PutMapping("/facilities/{id}")
    Map<String, Object> update(@PathVariable long id, @Valid @RequestBody FacilityInput input,
            @RequestParam(defaultValue = "false") boolean confirmOutside) {
        return saved(registry.update(id, input, confirmOutside));
    }

    @DeleteMapping("/facilities/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        registry.delete(id);
    }

    private static Map<String, Object> saved(FacilityRegistry.Saved saved) {
        Map<String, Object> body = new LinkedHashMap<>(FacilityJson.of(saved.facility(), true));
        body.put("warnings", saved.warnings());
        return body;
    }
}

package org.civatlas.places;

import org.civatlas.common.CurrentUser;
import org.civatlas.common.RequestParams;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Place records: categories, one place with its names and history, officers' edits, romanisation proposals. */
@RestController
class PlaceController {

    private final PlaceRegistry registry;
    private final NamingWorkflow workflow;
    private final NameReadings readings;
    private final org.civatlas.divisions.DivisionQueries divisions;

    PlaceController(PlaceRegistry registry, NamingWorkflow workflow, NameReadings readings,
            org.civatlas.divisions.DivisionQueries divisions) {
        this.divisions = divisions;
        this.registry = registry;
        this.workflow = workflow;
        this.readings = readings;
    }

    @GetMapping("/api/places/categories")
    List<PlaceCategory> categories() {
        return registry.categories();
    }

    @GetMapping("/api/places/romanize")
    Map<String, Object> romanize(@RequestParam String name, @RequestParam(required = false) String category) {
        List<String> problems = NameRules.violations("name", name);
        if (!problems.isEmpty()) {
            throw org.civatlas.common.ProblemException.badParameter("name", String.join("; ", problems));
        }
        String as = category == null ? "ADMINISTRATIVE" : registry.requireCategory(category).romanizeAs();
        return Map.of("name", name, "romanized", readings.propose(name, as), "toneless", readings.toneless(name));
    }

    /** The place record of an administrative unit (by its 12-digit code). */
    @GetMapping("/api/places/by-division/{code}")
    Place byDivision(@PathVariable String code) {
        return registry.all().stream().filter(p -> code.equals(p.divisionCode())).findFirst()
                .orElseThrow(() -> org.civatlas.common.ProblemException.notFound("没有行政区划 " + code
                        + " 的地名记录 / no place record for unit " + code));
    }

    @GetMapping("/api/places/count")
    Map<String, Long> count() {
        List<Place> all = registry.all();
        return Map.of("standard", all.stream().filter(p -> p.status() == PlaceStatus.STANDARD).count(),
                "historical", all.stream().filter(p -> p.status() == PlaceStatus.HISTORICAL).count());
    }

    /** Newly approved and published names, newest first, with the fields an announcement carries (Art. 14). */
    @GetMapping("/api/places/announcements")
    List<Map<String, Object>> announcements() {
        return workflow.published().stream().map(c -> {
            Place place = registry.require(c.placeId());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("caseId", c.id());
            a.put("placeId", c.placeId());
            a.put("kind", c.kind());
            a.put("standardName", c.proposedName());
            a.put("romanized", c.proposedRomanized());
            a.put("formerName", "RENAMING".equals(c.kind()) ? place.altNames().stream()
                    .filter(n -> n.kind() == AltNameKind.FORMER).reduce((x, y) -> y).map(AltName::name).orElse(null)
                    : null);
            a.put("category", c.category());
            a.put("unitCode", c.unitCode());
            a.put("locationDescription", place.locationDescription());
            a.put("lon", place.lon());
            a.put("lat", place.lat());
            a.put("approvingBody", c.approvingBody());
            a.put("documentNumber", c.documentNumber());
            a.put("approvedOn", c.approvedOn());
            a.put("announcedOn", c.announcedOn());
            a.put("announcementMedium", c.announcementMedium());
            return a;
        }).toList();
    }

    /** The same announcements as an Atom feed, for feed readers and other departments' systems. */
    @GetMapping(value = "/api/places/announcements.atom", produces = "application/atom+xml")
    org.springframework.http.ResponseEntity<String> announcementFeed() throws com.rometools.rome.io.FeedException {
        String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .build().toUriString();
        String atom = AnnouncementFeed.atom(announcements(), base + "/api/places/announcements.atom",
                base + "/#panel=places/announcements", code -> divisions.byCode(code).map(d -> d.name()).orElse(null));
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(
                "application/atom+xml;charset=UTF-8")).body(atom);
    }

    /** The record with its names and history; what was standard on {@code asOf} when given. */
    @GetMapping("/api/places/{id}")
    Map<String, Object> place(@PathVariable long id, @RequestParam(name = "asOf", required = false) String asOfText,
            Authentication authentication) {
        LocalDate asOf = RequestParams.date("asOf", asOfText, null);
        Place place = registry.require(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("place", place);
        body.put("statusLabel", place.status().label());
        if (asOf != null) {
            body.put("asOf", asOf);
            body.put("nameAsOf", PlaceRegistry.nameOn(place, asOf));
        }
        boolean officer = CurrentUser.hasAnyRole(authentication, "NAME_OFFICER", "ADMIN");
        body.put("history", workflow.forPlace(id).stream()
                .filter(c -> officer || c.state() == NamingState.PUBLISHED)
                .map(c -> {
                    Map<String, Object> h = new LinkedHashMap<>();
                    h.put("caseId", c.id());
                    h.put("kind", c.kind());
                    h.put("name", c.proposedName());
                    h.put("state", c.state());
                    h.put("approvedOn", c.approvedOn());
                    h.put("approvingBody", c.approvingBody());
                    h.put("documentNumber", c.documentNumber());
                    return h;
                })
                .toList());
        return body;
    }

    @PutMapping("/api/places/{id}")
    Place edit(@PathVariable long id, @RequestBody PlaceEdit edit) {
        return registry.edit(id, edit);
    }
}

package org.civatlas.places;

import org.civatlas.common.CurrentUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civatlas.common.ProblemException;
import org.civatlas.common.RequestParams;
import org.civatlas.places.search.Hit;
import org.civatlas.places.search.SearchFilter;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public place-name search: text (Chinese, pinyin, initials, Uyghur, typos), suggestions, reverse lookup. */
@RestController
class PlaceSearchController {

    private final PlaceSearch search;

    PlaceSearchController(PlaceSearch search) {
        this.search = search;
    }

    @GetMapping("/api/places/search")
    Map<String, Object> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String bbox,
            Authentication authentication) {
        String text = SearchParams.query(q);
        SearchFilter filter = filter(category, unit, status, bbox, authentication);
        PlaceSearch.Snapshot s = search.snapshot();
        List<Hit> hits;
        try {
            hits = s.index().search(text, SearchParams.limit(limit, 10), filter);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("q", "q：" + e.getMessage());
        }
        if (!filter.includeNonStandard()) {
            return Map.of("results", results(hits, s));
        }
        // officers also see open proposals (naming cases not yet approved), apart from the places
        List<Map<String, Object>> proposals = new ArrayList<>();
        for (NamingCaseView c : search.openProposals(q, SearchParams.limit(limit, 10))) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("caseId", c.id());
            p.put("kind", c.kind());
            p.put("state", c.state());
            p.put("stateLabel", c.stateLabel());
            p.put("proposedName", c.proposedName());
            p.put("proposedRomanized", c.proposedRomanized());
            p.put("currentName", c.currentName());
            p.put("placeId", c.placeId());
            p.put("category", c.category());
            p.put("unitCode", c.unitCode());
            p.put("lon", c.lon());
            p.put("lat", c.lat());
            proposals.add(p);
        }
        return Map.of("results", results(hits, s), "proposals", proposals);
    }

    @GetMapping("/api/places/suggest")
    Map<String, Object> suggest(@RequestParam(required = false) String q,
            @RequestParam(required = false) String limit) {
        if (q == null || q.isBlank()) {
            return Map.of("suggestions", List.of());
        }
        try {
            return Map.of("suggestions", search.snapshot().index().suggest(q.strip(), SearchParams.limit(limit, 8)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("q", "q：" + e.getMessage());
        }
    }

    @GetMapping("/api/places/reverse")
    Map<String, Object> reverse(@RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
            @RequestParam(required = false) String radius, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String category, Authentication authentication) {
        double x = RequestParams.number("lon", lon, -180, 180);
        double y = RequestParams.number("lat", lat, -90, 90);
        double r = radius == null ? 1000 : RequestParams.number("radius", radius, 0, 100_000);
        PlaceSearch.Snapshot s = search.snapshot();
        List<Hit> hits = s.index().reverse(x, y, r, SearchParams.limit(limit, 10),
                filter(category, null, null, null, authentication));
        return Map.of("results", results(hits, s));
    }

    private static List<Map<String, Object>> results(List<Hit> hits, PlaceSearch.Snapshot s) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (Hit h : hits) {
            Place p = s.places().get(h.entry().placeId());
            if (p == null) {
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", p.id());
            r.put("name", p.standardName());
            r.put("romanized", p.romanized());
            r.put("category", p.category());
            r.put("unitCode", p.unitCode());
            r.put("status", p.status());
            r.put("lon", p.lon());
            r.put("lat", p.lat());
            r.put("uyghurName", p.uyghurName());
            r.put("matchKind", h.matchKind());
            r.put("matchedName", h.matchedName());
            if ("FUZZY".equals(h.matchKind())) {
                // typo/homophone results show each similar name once, by its best place: say how many places
                // (within the filter) bear it, so the client can offer the full list (a search for matchedName)
                r.put("sameNameCount", h.sameNameCount());
            }
            if (!Double.isNaN(h.distanceMetres())) {
                r.put("distanceMetres", Math.round(h.distanceMetres() * 10) / 10.0);
            }
            results.add(r);
        }
        return results;
    }

    private static SearchFilter filter(String category, String unit, String status, String bbox,
            Authentication authentication) {
        return SearchParams.filter(category, unit, status, bbox,
                CurrentUser.hasAnyRole(authentication, "NAME_OFFICER", "ADMIN"));
    }
}

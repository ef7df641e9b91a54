package org.civatlas.divisions;

import org.civatlas.common.RequestParams;

import jakarta.validation.Valid;
import java.util.List;
import org.civatlas.common.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the administrative divisions (without geometry: the OGC API serves features). */
@RestController
@RequestMapping("/api/divisions")
class DivisionController {

    private final DivisionQueries queries;
    private final DivisionEdits edits;

    DivisionController(DivisionQueries queries, DivisionEdits edits) {
        this.queries = queries;
        this.edits = edits;
    }

    @GetMapping("/{code}")
    DivisionSummary byCode(@PathVariable String code) {
        return queries.byCode(code).map(DivisionSummary::of).orElseThrow(() -> DivisionEdits.unknown(code));
    }

    @GetMapping("/{code}/children")
    List<DivisionSummary> children(@PathVariable String code) {
        byCode(code);
        return queries.children(code).stream().map(DivisionSummary::of).toList();
    }

    @GetMapping("/{code}/ancestors")
    List<DivisionSummary> ancestors(@PathVariable String code) {
        byCode(code);
        return queries.ancestors(code).stream().map(DivisionSummary::of).toList();
    }

    /** The units containing a point, county first. */
    @GetMapping("/at")
    List<DivisionSummary> at(@RequestParam String lon, @RequestParam String lat) {
        double x = RequestParams.number("lon", lon, -180, 180);
        double y = RequestParams.number("lat", lat, -90, 90);
        return queries.containing(x, y).stream().map(DivisionSummary::of).toList();
    }

    @PatchMapping("/{code}")
    DivisionSummary update(@PathVariable String code, @Valid @RequestBody DivisionUpdate update) {
        return DivisionSummary.of(edits.update(code, update));
    }

    @GetMapping("/{code}/history")
    List<DivisionChange> history(@PathVariable String code) {
        return edits.history(code);
    }

    /** A unit without its geometry. */
    record DivisionSummary(String code, String gbCode, String name, DivisionLevel level, DivisionKind kind,
            String kindLabel, UrbanRural urbanRural, String parentCode, Integer population,
            boolean populationSynthetic, boolean geometrySynthetic, boolean synthetic, String geometrySource,
            String crsConversion, String nameSource, boolean geometryValid, String geometryInvalidReason,
            long version) {

        static DivisionSummary of(Division d) {
            return new DivisionSummary(d.code(), d.gbCode(), d.name(), d.level(), d.kind(), d.kind().label(),
                    d.urbanRural(), d.parentCode(), d.population(), d.populationSynthetic(), d.geometrySynthetic(),
                    d.synthetic(), d.geometrySource(), d.crsConversion(), d.nameSource(), d.geometryValid(),
                    d.geometryInvalidReason(), d.version());
        }
    }
}

package org.civatlas.boundaries;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civatlas.boundaries.core.Problem;
import org.civatlas.common.CurrentUser;
import org.civatlas.common.ProblemException;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Boundary lines, markers, inspections and disputes over HTTP; who may do what is in SecurityConfig. */
@RestController
@RequestMapping("/api/boundaries")
class BoundaryController {

    private final BoundaryLineService lines;
    private final MarkerService markers;
    private final DisputeService disputes;

    BoundaryController(BoundaryLineService lines, MarkerService markers, DisputeService disputes) {
        this.lines = lines;
        this.markers = markers;
        this.disputes = disputes;
    }

    @GetMapping("/lines")
    List<Map<String, Object>> lines(@RequestParam(required = false) String level) {
        return lines.current().stream().filter(l -> level == null || l.level().equalsIgnoreCase(level))
                .map(BoundaryController::summary).toList();
    }

    /** A line's dossier: its versions, markers, inspections and, for staff, its disputes. */
    @GetMapping("/lines/{lineCode}")
    Map<String, Object> line(@PathVariable String lineCode, Authentication authentication) {
        BoundaryLineView line = lines.current(lineCode).orElseThrow(() -> ProblemException.notFound(
                "没有界线 " + lineCode + " / no boundary line " + lineCode));
        Map<String, Object> body = new LinkedHashMap<>(summary(line));
        body.put("wkt", new WKTWriter().write(line.geometry()));
        body.put("versions", lines.history(lineCode).stream().map(BoundaryController::summary).toList());
        body.put("markers", markers.ofLine(lineCode));
        if (CurrentUser.isStaff(authentication)) {
            body.put("inspections", markers.inspections(lineCode));
            body.put("disputes", disputes.list().stream().filter(d -> lineCode.equals(d.lineCode())).toList());
        }
        return body;
    }

    @PostMapping("/recompute")
    Map<String, Object> recompute() {
        return Map.of("lines", lines.recomputeAll());
    }

    @GetMapping("/topology")
    Map<String, Object> topology(@RequestParam String parent) {
        WKTWriter wkt = new WKTWriter();
        List<Map<String, Object>> problems = lines.topology(parent).stream().map((Problem p) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", p.kind());
            m.put("units", p.units());
            m.put("wkt", p.location() == null ? null : wkt.write(p.location()));
            m.put("detail", p.detail());
            return m;
        }).toList();
        return Map.of("parent", parent, "problems", problems);
    }

    // --- markers and inspections ----------------------------------------------------------------------------

    @GetMapping("/markers")
    List<MarkerService.MarkerView> markers() {
        return markers.all();
    }

    @PostMapping("/markers")
    @ResponseStatus(HttpStatus.CREATED)
    MarkerService.MarkerView createMarker(@RequestBody MarkerService.MarkerInput input) {
        return markers.create(input);
    }

    @PostMapping("/markers/{id}/conditions")
    MarkerService.MarkerView condition(@PathVariable long id, @RequestBody MarkerService.ConditionInput input) {
        return markers.changeCondition(id, input);
    }

    @GetMapping("/inspections/status")
    List<MarkerService.InspectionStatus> inspectionStatus() {
        return markers.inspectionStatus();
    }

    @PostMapping("/lines/{lineCode}/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    MarkerService.InspectionView inspect(@PathVariable String lineCode,
            @RequestBody MarkerService.InspectionInput input) {
        return markers.recordInspection(lineCode, input);
    }

    // --- disputes (staff only) ------------------------------------------------------------------------------

    @GetMapping("/disputes")
    List<DisputeView> disputes() {
        return disputes.list();
    }

    @GetMapping("/disputes/{id}")
    DisputeView dispute(@PathVariable long id) {
        return disputes.get(id);
    }

    @PostMapping("/disputes")
    @ResponseStatus(HttpStatus.CREATED)
    DisputeView report(@RequestBody DisputeInput input) {
        return disputes.report(input);
    }

    @PostMapping("/disputes/{id}/events")
    DisputeView event(@PathVariable long id, @RequestBody DisputeService.EventInput input) {
        return disputes.addEvent(id, input);
    }

    @PostMapping("/disputes/{id}/lines")
    DisputeView addLine(@PathVariable long id, @RequestParam(required = false) Long version,
            @RequestBody DisputeInput.LineInput input) {
        return disputes.addLine(id, version, input);
    }

    @PostMapping("/disputes/{id}/filing")
    DisputeView filing(@PathVariable long id, @RequestBody DisputeService.FilingInput input) {
        return disputes.fileUpward(id, input);
    }

    @PostMapping(value = "/disputes/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DisputeView attach(@PathVariable long id, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String evidenceKind) throws IOException {
        return disputes.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes(), evidenceKind);
    }

    @GetMapping("/disputes/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        var a = disputes.attachment(id, attachmentId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attachment-" + a.id + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(a.contentType)).body(a.content);
    }

    private static Map<String, Object> summary(BoundaryLineView l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lineCode", l.lineCode());
        m.put("level", l.level());
        m.put("codeA", l.codeA());
        m.put("nameA", l.nameA());
        m.put("codeB", l.codeB());
        m.put("nameB", l.nameB());
        m.put("lengthMetres", l.lengthMetres());
        m.put("overlapSquareMetres", l.overlapSquareMetres());
        m.put("sourceVersion", l.sourceVersion());
        m.put("geometrySynthetic", l.geometrySynthetic());
        m.put("computedAt", l.computedAt());
        m.put("validTo", l.validTo());
        return m;
    }
}

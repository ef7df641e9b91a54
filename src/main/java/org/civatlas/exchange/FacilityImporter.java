package org.civatlas.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civatlas.common.ProblemException;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.exchange.ImportPreview.ImportProblem;
import org.civatlas.facilities.FacilityImports;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.facilities.FacilityType;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The facilities layer's import: points, each creating a facility or updating the one with the same identifying key
 * (see {@link FacilityImports}); the CRS conversion is recorded with each facility's source. The file's fields are
 * mapped to facility fields (proposed at preview, changeable at commit) and read here ({@link FacilityFeatures});
 * the facilities module checks the records and writes the checked plan.
 */
@Component
@Order(2)
class FacilityImporter implements LayerImporter {

    static final int MAX_PREVIEW_POINTS = 5000;

    private final FacilityImports imports;
    private final FacilityRegistry registry;
    private final DivisionQueries divisions;

    FacilityImporter(FacilityImports imports, FacilityRegistry registry, DivisionQueries divisions) {
        this.imports = imports;
        this.registry = registry;
        this.divisions = divisions;
    }

    @Override
    public List<String> layers() {
        return List.of("facilities");
    }

    @Override
    public List<String> roles() {
        return List.of("PLANNER", "ADMIN");
    }

    @Override
    public String forbidden() {
        return "只有规划人员和管理员可以导入设施 / only planners and administrators may import facilities";
    }

    /** Field names and the proposed mapping first (one pass), then every feature read and checked. */
    @Override
    public PreviewDraft preview(ImportFile upload, String statedCrs) {
        PreviewDraft draft = new PreviewDraft(ImportReading.read(upload, reader -> {
            ImportReading.Header header = ImportReading.header(reader, statedCrs);
            reader.forEachRemaining(f -> ImportReading.learnFields(header.fields(), f));
            return header;
        }));
        Map<String, String> mapping = FacilityFields.propose(draft.fields());
        draft.mapping = mapping;
        draft.codeField = mapping.get("externalId");
        if (mapping.get("name") == null) {
            draft.warnings().add("没有找到名称字段（如 name、名称）：提交时请在字段对应中指定 / no name field found (e.g. "
                    + "name, 名称): map it before committing");
        }
        if (mapping.get("type") == null) {
            draft.warnings().add("没有找到类型字段（如 type、类型）：提交时请在字段对应中指定 / no type field found (e.g. "
                    + "type, 类型): map it before committing");
        }
        if (mapping.get("externalId") == null) {
            draft.warnings().add("文件没有编号字段：已有设施按类型和名称匹配 / the file has no identifier field: existing "
                    + "facilities are matched by type and name");
        }
        Plan plan = plan(upload.withCrs(draft.header.crs()), mapping);
        draft.problems = plan.problems();
        draft.creates = 0L;
        draft.updates = 0L;
        draft.points = new ArrayList<>();
        Map<String, List<Long>> notes = new LinkedHashMap<>();
        for (int i = 0; i < plan.parsed().size(); i++) {
            FacilityFeatures.Parsed parsed = plan.parsed().get(i);
            FacilityImports.Check check = plan.checked().checks().get(i);
            long index = parsed.row().index();
            draft.count++;
            boolean clean = !plan.withProblems().contains(index);
            if (clean && check.action() == FacilityImports.Action.CREATE) {
                draft.creates++;
            } else if (clean) {
                draft.updates++;
            }
            check.notes().forEach(note -> notes.computeIfAbsent(note, k -> new ArrayList<>()).add(index));
            if (parsed.wgs84() != null) {
                Coordinate at = parsed.wgs84().getCoordinate();
                draft.extent.expandToInclude(at);
                if (draft.points.size() < MAX_PREVIEW_POINTS) {
                    draft.points.add(new ImportPreview.PreviewPoint(index, at.x, at.y, parsed.row().input().name(),
                            parsed.row().input().type(), clean ? check.action().name().toLowerCase(Locale.ROOT)
                                    : "error"));
                }
            }
        }
        notes.forEach((note, indexes) -> draft.warnings().add(note + "：要素 features #" + indexes.subList(0,
                Math.min(20, indexes.size())).stream().map(String::valueOf).reduce((a, b) -> a + ", #" + b)
                .orElse("") + (indexes.size() > 20 ? " …（共 " + indexes.size() + " / " + indexes.size()
                        + " in all）" : "")));
        draft.checkPlausibility(plan.sourceExtent(), divisions.extent(DivisionLevel.COUNTY));
        return draft;
    }

    /** Reads the file again with the final mapping; writes every facility in one transaction, or nothing. */
    @Override
    public CommitResult commit(ImportFile file, ImportPreview preview, ImportService.CommitOptions options) {
        Map<String, String> mapping = new LinkedHashMap<>(preview.mapping() != null ? preview.mapping()
                : FacilityFields.propose(preview.fields()));
        if (options != null && options.mapping() != null) {
            for (var e : options.mapping().entrySet()) {
                if (!FacilityFields.FIELDS.containsKey(e.getKey())) {
                    throw ProblemException.badParameter("mapping", "没有设施字段 '" + e.getKey() + "'，可选："
                            + FacilityFields.FIELDS.keySet() + " / no facility field '" + e.getKey() + "'");
                }
                String source = e.getValue() == null || e.getValue().isBlank() ? null : e.getValue();
                if (source != null && !preview.fields().contains(source)) {
                    throw ProblemException.badParameter("mapping", "文件中没有字段 '" + source + "'，可选："
                            + preview.fields() + " / the file has no field '" + source + "'");
                }
                mapping.put(e.getKey(), source);
            }
        }
        Plan plan = plan(file, mapping);
        if (!plan.problems().isEmpty()) {
            throw ImportRefused.problem(plan.problems());
        }
        FacilityImports.Outcome outcome = imports.write(plan.checked());
        return CommitResult.ofFacilities(file, outcome.created(), outcome.updated(), mapping);
    }

    /**
     * Every feature read with the mapping, the facilities module's check of the records, and the problems of both
     * by feature (what reading found first, then what the check found that reading did not already say).
     */
    private record Plan(List<FacilityFeatures.Parsed> parsed, FacilityImports.Plan checked, Problems problems,
            Set<Long> withProblems, Envelope sourceExtent) {
    }

    private Plan plan(ImportFile file, Map<String, String> mapping) {
        Map<String, FacilityType> types = registry.typesByCode();
        Envelope sourceExtent = new Envelope();
        String conversion = file.crs().code() + (file.crs().conversionToWgs84() == null ? ""
                : ", " + file.crs().conversionToWgs84());
        List<FacilityFeatures.Parsed> parsed = ImportReading.read(file, reader -> {
            List<FacilityFeatures.Parsed> all = new ArrayList<>();
            reader.forEachRemaining(f -> all.add(FacilityFeatures.parse(f, file.crs(), mapping, types,
                    "import " + file.jobId() + " (" + file.fileName() + ", feature " + f.index() + "; coordinates "
                            + conversion + ")", sourceExtent)));
            return all;
        });
        FacilityImports.Plan checked = imports.check(parsed.stream().map(FacilityFeatures.Parsed::row).toList());
        Problems problems = new Problems();
        Set<Long> withProblems = new HashSet<>();
        for (int i = 0; i < parsed.size(); i++) {
            FacilityFeatures.Parsed p = parsed.get(i);
            long index = p.row().index();
            Coordinate at = p.wgs84() == null ? null : p.wgs84().getCoordinate();
            List<FacilityFeatures.Issue> issues = new ArrayList<>(p.problems());
            for (FacilityImports.Issue issue : checked.checks().get(i).issues()) {
                if (!p.explains(issue.kind())) {
                    issues.add(new FacilityFeatures.Issue(IssueKind.of(issue.kind()), issue.reason()));
                }
            }
            for (FacilityFeatures.Issue issue : issues) {
                problems.add(new ImportProblem(index, issue.kind(), issue.reason(), at == null ? null : at.x,
                        at == null ? null : at.y));
                withProblems.add(index);
            }
        }
        return new Plan(parsed, checked, problems, withProblems, sourceExtent);
    }
}

package org.civatlas.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civatlas.common.ProblemException;
import org.civatlas.divisions.DivisionImports;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.exchange.ImportPreview.ImportProblem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The division layers' import: every unit updated by code, its geometry converted to WGS 84 with its provenance.
 * Unknown codes are reported (preview) and refused by the write (a 409 from {@link DivisionImports}), never guessed.
 */
@Component
@Order(1)
class DivisionImporter implements LayerImporter {

    static final Map<String, DivisionLevel> LAYERS = Map.of("counties", DivisionLevel.COUNTY,
            "townships", DivisionLevel.TOWNSHIP, "villages", DivisionLevel.VILLAGE);

    private final DivisionImports imports;
    private final DivisionQueries divisions;

    DivisionImporter(DivisionImports imports, DivisionQueries divisions) {
        this.imports = imports;
        this.divisions = divisions;
    }

    @Override
    public List<String> layers() {
        return List.of("counties", "townships", "villages");
    }

    @Override
    public List<String> roles() {
        return List.of("ADMIN", "NAME_OFFICER", "BOUNDARY_OFFICER");
    }

    @Override
    public String forbidden() {
        return "只有管理员、地名和界线工作人员可以导入区划图层 / only administrators and the place-name and boundary "
                + "officers may import division layers";
    }

    @Override
    public PreviewDraft preview(ImportFile upload, String statedCrs) {
        DivisionLevel level = LAYERS.get(upload.layer());
        Read read = ImportReading.read(upload, reader -> {
            ImportReading.Header header = ImportReading.header(reader, statedCrs);
            return new Read(header, DivisionPlan.read(reader, upload.withCrs(header.crs()), level, header.fields(),
                    null, DivisionPlan.Invalid.REJECT, DivisionPlan.Purpose.PREVIEW));
        });
        DivisionPlan plan = read.plan();
        PreviewDraft draft = new PreviewDraft(read.header());
        draft.count = plan.count;
        draft.codeField = plan.codeField;
        draft.invalid = plan.invalid;
        draft.problems = plan.problems;
        if (plan.codeField == null) {
            draft.warnings().add("没有找到代码字段：提交时请指定 codeField / no code field found: name it with "
                    + "codeField when committing");
        } else {
            Set<String> known = imports.existing(plan.codes);
            for (String code : plan.codes) {
                if (!known.contains(code)) {
                    draft.unknown++;
                    draft.problems.add(new ImportProblem(-1, IssueKind.UNKNOWN_CODE, "代码 " + code + " 不是已有的行政区划 / "
                            + code + " is not an existing unit"));
                }
            }
        }
        draft.extent.expandToInclude(plan.extent);
        draft.checkPlausibility(plan.sourceExtent, divisions.extent(DivisionLevel.COUNTY));
        return draft;
    }

    private record Read(ImportReading.Header header, DivisionPlan plan) {
    }

    @Override
    public CommitResult commit(ImportFile file, ImportPreview preview, ImportService.CommitOptions options) {
        String choice = options == null || options.invalid() == null ? "reject"
                : options.invalid().toLowerCase(Locale.ROOT);
        DivisionPlan.Invalid policy = switch (choice) {
            case "reject" -> DivisionPlan.Invalid.REJECT;
            case "repair" -> DivisionPlan.Invalid.REPAIR;
            default -> throw ProblemException.badParameter("invalid", "invalid 须为 reject（拒绝）或 repair（修复）/ "
                    + "invalid must be reject or repair");
        };
        String codeField = options != null && options.codeField() != null ? options.codeField() : preview.codeField();
        if (codeField == null || !preview.fields().contains(codeField)) {
            throw ProblemException.badParameter("codeField", "请指定保存行政区划代码的字段，可选：" + preview.fields()
                    + " / choose the field that holds the unit code");
        }
        DivisionLevel level = LAYERS.get(file.layer());
        DivisionPlan plan = ImportReading.read(file, reader -> DivisionPlan.read(reader, file, level,
                new ArrayList<>(preview.fields()), codeField, policy, DivisionPlan.Purpose.COMMIT));
        if (!plan.problems.isEmpty()) {
            throw ImportRefused.problem(plan.problems);
        }
        DivisionImports.Outcome outcome = imports.write(plan.records, false);
        return CommitResult.ofDivisions(file, outcome.updated(), plan.repaired);
    }
}

package org.civatlas.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.UnitRecord;
import org.civatlas.exchange.ImportPreview.ImportProblem;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.formats.SourceFeature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * One pass over a division layer's features, the same for preview and commit: the unit record each feature becomes
 * and every problem, by feature. Plain Java over the features (no database): whether a code is an existing unit is
 * the caller's question (preview), and the write's (commit).
 *
 * <p>Invalid polygons are problems, or repaired with JTS's GeometryFixer when the user chooses; the repair is recorded
 * in the unit's geometry source. A plan read for a commit without problems holds a record for every feature; one
 * read for a preview keeps no records (nor geometries), so a preview streams a file of any size.
 */
final class DivisionPlan {

    /** What to do with an invalid polygon. */
    enum Invalid { REJECT, REPAIR }

    /** What the plan is read for: a preview counts and lists; a commit also keeps the records to write. */
    enum Purpose { PREVIEW, COMMIT }

    final List<UnitRecord> records = new ArrayList<>();
    final Problems problems = new Problems();
    /** Every distinct valid code, in file order. */
    final List<String> codes = new ArrayList<>();
    final Envelope sourceExtent = new Envelope();
    final Envelope extent = new Envelope();
    String codeField;
    long count;
    long invalid;
    int repaired;

    private final Purpose purpose;

    private DivisionPlan(Purpose purpose) {
        this.purpose = purpose;
    }

    /**
     * @param fields    the file's field names; streamed formats add those the features bring
     * @param codeField the field holding the code; null: the first field with a known code field name, as the
     *                  fields become known (preview)
     */
    static DivisionPlan read(Iterator<SourceFeature> features, ImportFile file, DivisionLevel level,
            List<String> fields, String codeField, Invalid policy, Purpose purpose) {
        DivisionPlan plan = new DivisionPlan(purpose);
        plan.codeField = codeField != null ? codeField : DivisionFeatures.codeField(fields);
        boolean detect = codeField == null;
        Set<String> seen = new HashSet<>();
        while (features.hasNext()) {
            SourceFeature f = features.next();
            plan.count++;
            ImportReading.learnFields(fields, f);
            if (detect && plan.codeField == null) {
                plan.codeField = DivisionFeatures.codeField(fields);
            }
            plan.feature(f, file, level, seen, policy);
        }
        return plan;
    }

    private void feature(SourceFeature f, ImportFile file, DivisionLevel level, Set<String> seen, Invalid policy) {
        long index = f.index();
        if (f.problem() != null) {
            problems.add(new ImportProblem(index, IssueKind.UNREADABLE, f.problem()));
            return;
        }
        if (f.geometry() == null || f.geometry().isEmpty()) {
            problems.add(new ImportProblem(index, IssueKind.NO_GEOMETRY, "要素没有几何 / the feature has no geometry"));
            return;
        }
        sourceExtent.expandToInclude(f.geometry().getEnvelopeInternal());
        Crs crs = file.crs();
        Geometry wgs84;
        try {
            wgs84 = crs.toWgs84(f.geometry());
        } catch (RuntimeException e) {
            problems.add(new ImportProblem(index, IssueKind.CRS, "无法转换坐标 / cannot convert the coordinates: "
                    + e.getMessage()));
            return;
        }
        extent.expandToInclude(wgs84.getEnvelopeInternal());
        long before = problems.count();
        String source = file.source(index);
        TopologyValidationError error = new IsValidOp(wgs84).getValidationError();
        if (error != null) {
            invalid++;
            if (policy == Invalid.REPAIR) {
                wgs84 = GeometryFixer.fix(wgs84);
                source += "; repaired with JTS GeometryFixer (" + error.getMessage() + " at "
                        + error.getCoordinate().x + ", " + error.getCoordinate().y + ")";
                repaired++;
            } else {
                problems.add(new ImportProblem(index, IssueKind.INVALID, "无效几何：" + error.getMessage()
                        + " / invalid geometry: " + error.getMessage(), error.getCoordinate().x,
                        error.getCoordinate().y));
            }
        }
        if (!(wgs84 instanceof Polygonal) || wgs84.isEmpty()) {
            problems.add(new ImportProblem(index, IssueKind.WRONG_TYPE, "该图层需要面要素，收到 "
                    + wgs84.getGeometryType() + " / this layer needs polygons, got " + wgs84.getGeometryType()));
        }
        String code = null;
        if (codeField != null) {
            code = DivisionFeatures.normaliseCode(f.attributes().get(codeField), level);
            if (code == null) {
                problems.add(new ImportProblem(index, IssueKind.NO_CODE, codeField + " 不是" + level.label()
                        + "单位的代码 / " + codeField + " holds no code of a " + level + " unit"));
            } else if (!seen.add(code)) {
                problems.add(new ImportProblem(index, IssueKind.DUPLICATE_CODE, "代码 " + code + " 在文件中重复 / code "
                        + code + " appears twice in the file"));
                code = null;
            } else {
                codes.add(code);
            }
        }
        if (purpose == Purpose.COMMIT && code != null && problems.count() == before) {
            records.add(DivisionFeatures.userRecord(code, wgs84, crs, source));
        }
    }
}

package org.civatlas.facilities;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civatlas.facilities.internal.FacilityEntity;
import org.civatlas.facilities.internal.FacilityEntityRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes facilities read from a user's file (the exchange module's import wizard): checks every record against the
 * same rules as an edit and decides per record whether it creates a facility or updates one ({@link #check}: the
 * plan), then writes a checked plan in one transaction, all records or none ({@link #write}). The caller refuses a
 * plan with issues before writing it (the exchange module answers one "Import refused" problem for all of them); the
 * write does not check the records again.
 *
 * <p>The identifying key of a record is its atlas id when it has one (our own exports write it: an exported list
 * edited elsewhere comes back as updates, even where village names repeat across townships); else its external
 * identifier when it has one (matched against the identifier
 * stored with earlier imports); otherwise its type and name (matched against facilities that have no external
 * identifier; two or more such facilities make the record ambiguous). Updates go through the audited entity, so
 * the earlier version stays in the history, as with an edit. Imported facilities are real data, not synthetic,
 * unless the file itself marks a record synthetic (an export of the demo data does).
 */
@Service
@Transactional(readOnly = true)
public class FacilityImports {

    private final FacilityEntityRepository facilities;
    private final FacilityRegistry registry;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FacilityImports(FacilityEntityRepository facilities, FacilityRegistry registry, ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.facilities = facilities;
        this.registry = registry;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /**
     * One record of the file. {@code input.operator()} may be null: an update keeps the stored operator, a new
     * facility is recorded as PUBLIC (and the check says so).
     *
     * @param index      0-based position in the file, for messages
     * @param atlasId    the facility's id in this atlas (our exports write it as atlas_id), or null
     * @param externalId the record's identifier in its source, or null
     * @param synthetic  the file says the record is synthetic (our export of the demo data says so): it stays so
     * @param source     provenance stored with the facility (file, feature, CRS conversion)
     */
    public record Row(long index, Long atlasId, String externalId, boolean synthetic, FacilityInput input,
            String source) {
    }

    public enum Action { CREATE, UPDATE }

    /** What kind of problem a record has; the exchange module shows each with a name of its own. */
    public enum IssueKind {
        NO_NAME, BAD_VALUE, UNKNOWN_TYPE, MISSING_STATUS, NEGATIVE, RULES,
        /** the record has no valid longitude/latitude */
        BAD_LOCATION, DUPLICATE_KEY, UNKNOWN_ATLAS_ID, AMBIGUOUS
    }

    /** One problem of one record, with a bilingual reason. */
    public record Issue(IssueKind kind, String reason) {
    }

    /**
     * What would happen to a record: create or update (with the facility's id), the village it lies in (null:
     * outside every village of the county), notes that do not block the import, and issues that do.
     */
    public record Check(long index, Action action, Long facilityId, String unitCode, List<String> notes,
            List<Issue> issues) {
    }

    public record Outcome(int created, int updated, List<Long> ids) {
    }

    /**
     * The records with what {@link #check} found for each (in the same order). Only {@link #check} makes one, so
     * {@link #write} never receives records that were not checked. Write a plan in the transaction that checked it.
     */
    public static final class Plan {

        private final List<Row> rows;
        private final List<Check> checks;

        private Plan(List<Row> rows, List<Check> checks) {
            this.rows = List.copyOf(rows);
            this.checks = List.copyOf(checks);
        }

        public List<Row> rows() {
            return rows;
        }

        public List<Check> checks() {
            return checks;
        }

        public boolean hasIssues() {
            return checks.stream().anyMatch(c -> !c.issues().isEmpty());
        }
    }

    /** Checks every record without writing anything. */
    public Plan check(List<Row> rows) {
        Map<String, FacilityType> types = registry.typesByCode();
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> keys = new HashMap<>();
        List<Check> checks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            FacilityInput in = row.input();
            List<Issue> issues = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            if (in.name() == null || in.name().isBlank()) {
                issues.add(new Issue(IssueKind.NO_NAME, "缺少名称 / the name is missing"));
            } else if (in.name().strip().length() > 200) {
                issues.add(new Issue(IssueKind.BAD_VALUE, "名称最长 200 字 / the name is longer than 200 characters"));
            }
            if (in.type() == null || !types.containsKey(in.type())) {
                issues.add(new Issue(IssueKind.UNKNOWN_TYPE, "未知的设施类型 '" + (in.type() == null ? "" : in.type())
                        + "'，可用类型代码或中文名称：" + String.join(", ", types.keySet()) + " / unknown facility type '"
                        + (in.type() == null ? "" : in.type()) + "': use a type code or its Chinese name"));
            }
            if (in.status() == null) {
                issues.add(new Issue(IssueKind.MISSING_STATUS, "缺少状态，可选：PLANNED 规划、UNDER_CONSTRUCTION 在建、OPERATING 运营、"
                        + "CLOSED 关闭 / the status is missing: PLANNED, UNDER_CONSTRUCTION, OPERATING or CLOSED"));
            }
            negative(issues, "beds", "床位数", in.beds());
            negative(issues, "nursingBeds", "护理型床位数", in.nursingBeds());
            negative(issues, "floorAreaM2", "建筑面积", in.floorAreaM2());
            negative(issues, "staff", "工作人员数", in.staff());
            for (String v : FacilityRules.violations(in, today)) {
                issues.add(new Issue(IssueKind.RULES, v));
            }
            if (in.lon() == null || in.lat() == null || Math.abs(in.lon()) > 180 || Math.abs(in.lat()) > 90) {
                issues.add(new Issue(IssueKind.BAD_LOCATION, "坐标不是有效的经纬度 / the location is not a valid longitude/latitude"));
            }
            String externalId = blankToNull(row.externalId());
            if (externalId != null && externalId.length() > 100) {
                issues.add(new Issue(IssueKind.BAD_VALUE, "编号最长 100 字符 / the identifier is longer than 100 characters"));
            }
            Long atlasId = row.atlasId();
            String key = atlasId != null ? "atlas\u0000" + atlasId : externalId != null ? "id\u0000" + externalId
                    : in.name() == null || in.type() == null ? null : "tn\u0000" + in.type() + "\u0000" + in.name().strip();
            if (key != null) {
                Long first = keys.putIfAbsent(key, row.index());
                if (first != null) {
                    String zh = atlasId != null ? "atlas_id " + atlasId : externalId != null ? "编号 " + externalId
                            : "类型与名称 " + in.type() + " " + in.name().strip();
                    String en = atlasId != null ? "atlas_id " + atlasId : externalId != null ? "identifier "
                            + externalId : "type and name " + in.type() + " " + in.name().strip();
                    issues.add(new Issue(IssueKind.DUPLICATE_KEY, zh + " 与要素 #" + first + " 重复 / " + en + " repeats feature #"
                            + first));
                }
            }
            Long facilityId = null;
            if (atlasId != null) {
                if (facilities.existsById(atlasId)) {
                    facilityId = atlasId;
                } else {
                    issues.add(new Issue(IssueKind.UNKNOWN_ATLAS_ID, "本系统没有编号为 " + atlasId + " 的设施（atlas_id 来自本系统的"
                            + "导出；新设施请留空）/ this atlas has no facility " + atlasId + " (atlas_id comes from this "
                            + "atlas's exports; leave it empty for a new facility)"));
                }
            } else if (externalId != null) {
                facilityId = facilities.findByExternalId(externalId).map(FacilityEntity::getId).orElse(null);
            } else if (in.name() != null && !in.name().isBlank() && in.type() != null) {
                List<FacilityEntity> same = facilities.findByTypeCodeAndNameAndExternalIdIsNull(in.type(),
                        in.name().strip());
                if (same.size() > 1) {
                    issues.add(new Issue(IssueKind.AMBIGUOUS, "已有 " + same.size() + " 个同类型同名的设施，无法确定更新哪一个；"
                            + "请在文件中给出编号 / " + same.size() + " facilities of this type have this name: give "
                            + "the record an identifier"));
                } else if (same.size() == 1) {
                    facilityId = same.get(0).getId();
                }
            }
            String unit = null;
            if (in.lon() != null && in.lat() != null && Math.abs(in.lon()) <= 180 && Math.abs(in.lat()) <= 90) {
                unit = registry.villageAt(in.lon(), in.lat());
                if (unit == null) {
                    notes.add("位置不在本县任何村或社区内，不计入任何村的覆盖 / the location lies in no village of the "
                            + "county and covers no village by containment");
                }
            }
            if (in.operator() == null && facilityId == null) {
                notes.add("未给出举办主体，按公办记录 / no operator given: recorded as PUBLIC");
            }
            checks.add(new Check(row.index(), facilityId == null ? Action.CREATE : Action.UPDATE, facilityId, unit,
                    notes, issues));
        }
        return new Plan(rows, checks);
    }

    /**
     * Creates or updates every record of a checked plan in one transaction, or nothing. A plan with issues is the
     * caller's error: it is refused before anything is written. Publishes {@link FacilitiesChanged} for every
     * facility written.
     */
    @Transactional
    public Outcome write(Plan plan) {
        if (plan.hasIssues()) {
            throw new IllegalArgumentException("a plan with issues is refused by the caller, not written");
        }
        List<Row> rows = plan.rows();
        List<Check> checks = plan.checks();
        int created = 0;
        int updated = 0;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Check check = checks.get(i);
            FacilityEntity entity;
            FacilityInput in = row.input();
            if (check.facilityId() != null) {
                entity = facilities.findById(check.facilityId()).orElseThrow();
                if (in.operator() == null) {
                    in = withOperator(in, entity.toFacility().operator());
                }
                updated++;
            } else {
                entity = new FacilityEntity(row.synthetic(), row.source());
                if (in.operator() == null) {
                    in = withOperator(in, Operator.PUBLIC);
                }
                created++;
            }
            entity.applyImport(in, check.unitCode(), blankToNull(row.externalId()), truncate(row.source(), 500),
                    row.synthetic());
            ids.add(facilities.save(entity).getId());
        }
        facilities.flush();
        for (Long id : ids) {
            events.publishEvent(new FacilitiesChanged(id));
        }
        return new Outcome(created, updated, ids);
    }

    private static void negative(List<Issue> issues, String field, String label, Number value) {
        if (value != null && value.doubleValue() < 0) {
            issues.add(new Issue(IssueKind.NEGATIVE, label + "不能为负（" + value + "）/ " + field + " must not be negative ("
                    + value + ")"));
        }
    }

    private static FacilityInput withOperator(FacilityInput f, Operator operator) {
        return new FacilityInput(f.name(), f.type(), operator, f.status(), f.plannedOn(), f.constructionStartedOn(),
                f.openedOn(), f.closedOn(), f.beds(), f.nursingBeds(), f.floorAreaM2(), f.staff(), f.lon(), f.lat(),
                null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

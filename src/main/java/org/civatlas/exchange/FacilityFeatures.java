package org.civatlas.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.formats.SourceFeature;
import org.civatlas.facilities.FacilityImports;
import org.civatlas.facilities.FacilityInput;
import org.civatlas.facilities.FacilityStatus;
import org.civatlas.facilities.FacilityType;
import org.civatlas.facilities.Operator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;

/**
 * Maps the features of a facility file to facility records with a field mapping ({@link FacilityFields}): the value
 * parsing (type by code or Chinese name as in the types table, status by code or Chinese label, numbers, dates) and
 * the point geometry in WGS 84. What cannot be read becomes a problem of that feature; the facilities module checks the rest. Plain
 * functions, tested without Spring.
 */
final class FacilityFeatures {

    private FacilityFeatures() {
    }

    /** A problem of reading one feature. */
    record Issue(IssueKind kind, String reason) {
    }

    /** A feature read into a facility row, with the problems of reading it. */
    record Parsed(FacilityImports.Row row, Point wgs84, List<Issue> problems) {

        /**
         * Whether an issue the facilities module finds in the row only repeats what reading already said: a feature
         * without a point has no valid location, and a status that could not be read is missing.
         */
        boolean explains(FacilityImports.IssueKind kind) {
            return switch (kind) {
                case BAD_LOCATION -> wgs84 == null;
                case MISSING_STATUS -> problems.stream().anyMatch(p -> p.kind() == IssueKind.BAD_STATUS);
                default -> false;
            };
        }
    }

    /** Reads one feature; never throws for bad values (they become problems). */
    static Parsed parse(SourceFeature f, Crs crs, Map<String, String> mapping, Map<String, FacilityType> types,
            String source, Envelope sourceExtent) {
        List<Issue> problems = new ArrayList<>();
        Point wgs84 = null;
        if (f.problem() != null) {
            problems.add(new Issue(IssueKind.UNREADABLE, f.problem()));
        } else if (f.geometry() == null || f.geometry().isEmpty()) {
            problems.add(new Issue(IssueKind.NO_GEOMETRY, "要素没有几何 / the feature has no geometry"));
        } else {
            Geometry g = f.geometry();
            if (g instanceof MultiPoint mp && mp.getNumGeometries() == 1) {
                g = mp.getGeometryN(0);
            }
            if (!(g instanceof Point)) {
                problems.add(new Issue(IssueKind.WRONG_TYPE, "设施图层需要点要素，收到 " + g.getGeometryType()
                        + " / the facilities layer needs points, got " + g.getGeometryType()));
            } else {
                sourceExtent.expandToInclude(g.getEnvelopeInternal());
                try {
                    wgs84 = (Point) crs.toWgs84(g);
                } catch (RuntimeException e) {
                    problems.add(new Issue(IssueKind.CRS, "无法转换坐标 / cannot convert the coordinates: "
                            + e.getMessage()));
                }
            }
        }
        Map<String, Object> a = f.attributes();
        String type = type(text(a, mapping.get("type")), types);
        FacilityStatus status = null;
        String statusText = text(a, mapping.get("status"));
        if (statusText != null) {
            status = status(statusText);
            if (status == null) {
                problems.add(new Issue(IssueKind.BAD_STATUS, "状态 '" + statusText + "' 无效，可选：规划、在建、运营、"
                        + "关闭（PLANNED、UNDER_CONSTRUCTION、OPERATING、CLOSED）/ status '" + statusText + "' is not "
                        + "one of PLANNED, UNDER_CONSTRUCTION, OPERATING, CLOSED"));
            }
        }
        Operator operator = null;
        String operatorText = text(a, mapping.get("operator"));
        if (operatorText != null) {
            operator = operator(operatorText);
            if (operator == null) {
                problems.add(new Issue(IssueKind.BAD_VALUE, "举办主体 '" + operatorText + "' 无效，可选：公办、民办 "
                        + "/ operator '" + operatorText + "' is not PUBLIC (公办) or PRIVATE (民办)"));
            }
        }
        FacilityInput input = new FacilityInput(text(a, mapping.get("name")), type, operator, status,
                date(a, mapping.get("plannedOn"), "plannedOn", problems),
                date(a, mapping.get("constructionStartedOn"), "constructionStartedOn", problems),
                date(a, mapping.get("openedOn"), "openedOn", problems),
                date(a, mapping.get("closedOn"), "closedOn", problems),
                integer(a, mapping.get("beds"), "beds", problems),
                integer(a, mapping.get("nursingBeds"), "nursingBeds", problems),
                number(a, mapping.get("floorAreaM2"), "floorAreaM2", problems),
                integer(a, mapping.get("staff"), "staff", problems),
                wgs84 == null ? null : wgs84.getX(), wgs84 == null ? null : wgs84.getY(), null);
        String externalId = text(a, mapping.get("externalId"));
        if (externalId != null && a.get(mapping.get("externalId")) instanceof Double d && d == Math.rint(d)) {
            externalId = Long.toString(d.longValue());
        }
        Long atlasId = null;
        Object atlasValue = mapping.get("atlasId") == null ? null : a.get(mapping.get("atlasId"));
        if (atlasValue != null && !atlasValue.toString().isBlank()) {
            String t = atlasValue instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? Long.toString(n.longValue()) : atlasValue.toString().strip();
            if (t.matches("\\d{1,18}")) {
                atlasId = Long.parseLong(t);
            } else {
                problems.add(new Issue(IssueKind.BAD_NUMBER, "atlas_id '" + t + "' 不是本系统的设施编号 / "
                        + "atlas_id '" + t + "' is not a facility number of this atlas"));
            }
        }
        Object syntheticValue = mapping.get("synthetic") == null ? null : a.get(mapping.get("synthetic"));
        boolean synthetic = syntheticValue instanceof Boolean bool ? bool
                : syntheticValue != null && List.of("true", "t", "1", "y", "yes", "是")
                        .contains(syntheticValue.toString().strip().toLowerCase(Locale.ROOT));
        return new Parsed(new FacilityImports.Row(f.index(), atlasId, externalId, synthetic, input, source), wgs84,
                problems);
    }

    /** A type code (any case), the Chinese or English name of the types table, or the Chinese name before "（". */
    static String type(String value, Map<String, FacilityType> types) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        for (FacilityType t : types.values()) {
            if (t.code().equalsIgnoreCase(v) || t.nameZh().equals(v) || t.nameEn().equalsIgnoreCase(v)) {
                return t.code();
            }
        }
        for (FacilityType t : types.values()) {
            int paren = t.nameZh().indexOf('（');
            if (paren > 0 && t.nameZh().substring(0, paren).equals(v)) {
                return t.code();
            }
        }
        return v;
    }

    static FacilityStatus status(String value) {
        String v = value.strip();
        for (FacilityStatus s : FacilityStatus.values()) {
            if (s.name().equalsIgnoreCase(v.replace(' ', '_').replace('-', '_')) || s.label().equals(v)
                    || (s.label() + "中").equals(v) || ("已" + s.label()).equals(v)) {
                return s;
            }
        }
        return switch (v) {
            case "建设中", "正在建设" -> FacilityStatus.UNDER_CONSTRUCTION;
            case "已停用", "停用", "撤销", "已撤销" -> FacilityStatus.CLOSED;
            case "已建成", "已运营", "正常运营", "使用中" -> FacilityStatus.OPERATING;
            default -> null;
        };
    }

    static Operator operator(String value) {
        String v = value.strip();
        for (Operator o : Operator.values()) {
            if (o.name().equalsIgnoreCase(v) || o.label().equals(v)) {
                return o;
            }
        }
        return switch (v) {
            case "公建民营", "公立", "政府" -> Operator.PUBLIC;
            case "民营", "私立", "社会" -> Operator.PRIVATE;
            default -> null;
        };
    }

    static String text(Map<String, Object> a, String field) {
        if (field == null) {
            return null;
        }
        Object v = a.get(field);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static LocalDate date(Map<String, Object> a, String field, String name,
            List<Issue> problems) {
        if (field == null || a.get(field) == null) {
            return null;
        }
        Object v = a.get(field);
        if (v instanceof LocalDate d) {
            return d;
        }
        String s = v.toString().strip();
        if (s.isEmpty()) {
            return null;
        }
        var m = java.util.regex.Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[T ].*)?").matcher(s);
        try {
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if (s.matches("\\d{8}")) {
                return LocalDate.parse(s, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            }
        } catch (java.time.DateTimeException e) {
            // reported below
        }
        problems.add(new Issue(IssueKind.BAD_DATE, name + "（" + field + "）'" + s + "' 不是日期，请写作 "
                + "YYYY-MM-DD / " + name + " (" + field + ") '" + s + "' is not a date: write YYYY-MM-DD"));
        return null;
    }

    private static Double number(Map<String, Object> a, String field, String name,
            List<Issue> problems) {
        if (field == null || a.get(field) == null) {
            return null;
        }
        Object v = a.get(field);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        String s = v.toString().strip().replace(",", "");
        if (s.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // reported below
        }
        problems.add(new Issue(IssueKind.BAD_NUMBER, name + "（" + field + "）'" + s + "' 不是数字 / " + name
                + " (" + field + ") '" + s + "' is not a number"));
        return null;
    }

    private static Integer integer(Map<String, Object> a, String field, String name,
            List<Issue> problems) {
        int before = problems.size();
        Double d = number(a, field, name, problems);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            if (problems.size() == before) {
                problems.add(new Issue(IssueKind.BAD_NUMBER, name + "（" + field + "）须为整数：" + d + " / "
                        + name + " (" + field + ") must be a whole number: " + d));
            }
            return null;
        }
        return (int) Math.round(d);
    }
}

package org.civatlas.layers;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.civatlas.common.ProblemException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A small CQL2-text filter (OGC API - Features Part 3, Basic CQL2 plus spatial intersects): comparisons
 * {@code = <> < <= > >=} of a queryable with a string or number literal, {@code LIKE} with % and _, {@code IS NULL},
 * {@code AND}, {@code OR}, {@code NOT}, parentheses, and {@code S_INTERSECTS(geometry, <WKT or BBOX(...)>)} in
 * CRS84. Written by hand: no CQL2 library is available here; it evaluates in memory over a county's features.
 */
final class Cql2 {

    /** What a filter sees of a feature. */
    record Row(Map<String, Object> properties, String geometryJson) {
    }

    private final String text;
    private final List<String> queryables;
    private int pos;

    private Cql2(String text, List<String> queryables) {
        this.text = text;
        this.queryables = queryables;
    }

    static Predicate<Row> parse(String text, List<String> queryables) {
        Cql2 p = new Cql2(text, queryables);
        Predicate<Row> predicate = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.substring(p.pos, Math.min(text.length(), p.pos + 10)) + "'");
        }
        return predicate;
    }

    private Predicate<Row> or() {
        Predicate<Row> left = and();
        while (keyword("OR")) {
            Predicate<Row> right = and();
            Predicate<Row> l = left;
            left = r -> l.test(r) || right.test(r);
        }
        return left;
    }

    private Predicate<Row> and() {
        Predicate<Row> left = not();
        while (keyword("AND")) {
            Predicate<Row> right = not();
            Predicate<Row> l = left;
            left = r -> l.test(r) && right.test(r);
        }
        return left;
    }

    private Predicate<Row> not() {
        if (keyword("NOT")) {
            Predicate<Row> inner = not();
            return r -> !inner.test(r);
        }
        return primary();
    }

    private Predicate<Row> primary() {
        skipSpace();
        if (peek('(')) {
            pos++;
            Predicate<Row> inner = or();
            expect(')');
            return inner;
        }
        if (keyword("S_INTERSECTS")) {
            expect('(');
            String property = identifier();
            if (!property.equalsIgnoreCase("geometry")) {
                throw error("S_INTERSECTS takes the property 'geometry'");
            }
            expect(',');
            Geometry g = geometryLiteral();
            expect(')');
            return r -> intersects(r.geometryJson(), g);
        }
        String property = identifier();
        if (!queryables.contains(property)) {
            throw error("unknown property '" + property + "'; queryables: " + queryables);
        }
        if (keyword("IS")) {
            boolean negate = keyword("NOT");
            if (!keyword("NULL")) {
                throw error("expected NULL after IS");
            }
            return r -> (r.properties().get(property) == null) != negate;
        }
        if (keyword("NOT")) {
            if (!keyword("LIKE")) {
                throw error("expected LIKE after NOT");
            }
            String pattern = string();
            String regex = likeToRegex(pattern);
            return r -> r.properties().get(property) == null
                    || !String.valueOf(r.properties().get(property)).matches(regex);
        }
        if (keyword("LIKE")) {
            String regex = likeToRegex(string());
            return r -> r.properties().get(property) != null
                    && String.valueOf(r.properties().get(property)).matches(regex);
        }
        String op = operator();
        skipSpace();
        Object literal = peek('\'') ? string() : number();
        return r -> compare(r.properties().get(property), op, literal);
    }

    private static boolean compare(Object value, String op, Object literal) {
        if (value == null) {
            return false;
        }
        int c;
        if (literal instanceof Double d) {
            double v;
            try {
                v = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
            } catch (NumberFormatException e) {
                return false;
            }
            c = Double.compare(v, d);
        } else {
            c = value.toString().compareTo((String) literal);
        }
        return switch (op) {
            case "=" -> c == 0;
            case "<>" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static boolean intersects(String geometryJson, Geometry g) {
        if (geometryJson == null || geometryJson.equals("null")) {
            return false;
        }
        try {
            Geometry feature = new GeoJsonReader().read(geometryJson);
            if (!feature.getEnvelopeInternal().intersects(g.getEnvelopeInternal())) {
                return false;
            }
            try {
                return feature.intersects(g);
            } catch (RuntimeException invalid) {
                // real data holds invalid polygons: fall back to their envelope rather than fail the request
                return true;
            }
        } catch (ParseException e) {
            return false;
        }
    }

    private Geometry geometryLiteral() {
        skipSpace();
        if (keyword("BBOX")) {
            expect('(');
            double minX = number();
            expect(',');
            double minY = number();
            expect(',');
            double maxX = number();
            expect(',');
            double maxY = number();
            expect(')');
            return org.civatlas.spatial.Geometries.rectangle(minX, minY, maxX, maxY);
        }
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            pos++;
        }
        try {
            return new WKTReader().read(text.substring(start, pos).strip());
        } catch (ParseException e) {
            throw error("the geometry is not WKT: " + e.getMessage());
        }
    }

    private String operator() {
        skipSpace();
        for (String op : List.of("<>", "<=", ">=", "=", "<", ">")) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                return op;
            }
        }
        throw error("expected a comparison (= <> < <= > >=), LIKE or IS NULL");
    }

    private String identifier() {
        skipSpace();
        if (peek('"')) {
            int end = text.indexOf('"', pos + 1);
            if (end < 0) {
                throw error("unclosed quoted property name");
            }
            String id = text.substring(pos + 1, end);
            pos = end + 1;
            return id;
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a property name");
        }
        return text.substring(start, pos);
    }

    private String string() {
        skipSpace();
        if (!peek('\'')) {
            throw error("expected a 'string'");
        }
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char ch = text.charAt(pos++);
            if (ch == '\'') {
                if (peek('\'')) {
                    sb.append('\'');
                    pos++;
                    continue;
                }
                return sb.toString();
            }
            sb.append(ch);
        }
        throw error("unclosed string");
    }

    private double number() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("expected a number");
        }
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = pos + word.length();
        if (end <= text.length() && text.substring(pos, end).toUpperCase(Locale.ROOT).equals(word)
                && (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'))) {
            pos = end;
            return true;
        }
        return false;
    }

    private void expect(char ch) {
        skipSpace();
        if (!peek(ch)) {
            throw error("expected '" + ch + "'");
        }
        pos++;
    }

    private boolean peek(char ch) {
        return pos < text.length() && text.charAt(pos) == ch;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static String likeToRegex(String pattern) {
        StringBuilder sb = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '%' -> sb.append(".*");
                case '_' -> sb.append('.');
                default -> sb.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
            }
        }
        return sb.toString();
    }

    private ProblemException error(String what) {
        return ProblemException.badParameter("filter", "filter 不是可识别的 CQL2 文本（位置 " + pos + "）：" + what
                + " / filter is not CQL2 text this server understands (at " + pos + "): " + what);
    }
}

package org.civatlas.exchange.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the supported CRSs from WKT 1 (OGC and ESRI flavours) and simple WKT 2. See {@link Crs#fromPrj}. */
final class PrjParser {

    private PrjParser() {
    }

    /** A WKT node: KEYWORD[arg, arg, ...]; args are String (quoted), Double or Node. */
    record Node(String keyword, List<Object> args) {
        Node child(String... keywords) {
            for (Object a : args) {
                if (a instanceof Node n) {
                    for (String k : keywords) {
                        if (n.keyword.equalsIgnoreCase(k)) {
                            return n;
                        }
                    }
                }
            }
            return null;
        }

        List<Node> children(String keyword) {
            List<Node> out = new ArrayList<>();
            for (Object a : args) {
                if (a instanceof Node n && n.keyword.equalsIgnoreCase(keyword)) {
                    out.add(n);
                }
            }
            return out;
        }

        String name() {
            return !args.isEmpty() && args.get(0) instanceof String s ? s : "";
        }

        Double number(int i) {
            return args.size() > i && args.get(i) instanceof Double d ? d : null;
        }
    }

    static Optional<Crs> recognise(String wkt) {
        if (wkt == null || wkt.isBlank()) {
            return Optional.empty();
        }
        Node root;
        try {
            root = new Reader(wkt.trim()).node();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(classify(root));
        } catch (UnsupportedCrsException e) {
            return Optional.empty();
        }
    }

    private static Crs classify(Node root) {
        String kw = root.keyword.toUpperCase(Locale.ROOT);
        Integer authority = authority(root);
        if (authority != null) {
            try {
                Crs byCode = Crs.epsg(authority);
                // Trust the code only if the structure agrees on geographic vs projected.
                boolean projectedNode = kw.startsWith("PROJ");
                if (byCode.projected() == projectedNode) {
                    return byCode;
                }
            } catch (UnsupportedCrsException ignored) {
                // fall through to recognition by parameters
            }
        }
        switch (kw) {
            case "GEOGCS", "GEOGCRS", "GEODCRS", "GEOGRAPHICCRS" -> {
                Datum d = datum(root);
                return d == Datum.WGS84 ? Crs.WGS84 : d == Datum.CGCS2000 ? Crs.CGCS2000 : null;
            }
            case "PROJCS", "PROJCRS", "PROJECTEDCRS" -> {
                return projected(root);
            }
            default -> {
                return null;
            }
        }
    }

    private enum Datum { WGS84, CGCS2000 }

    private static Datum datum(Node crs) {
        Node geog = crs.child("GEOGCS", "BASEGEOGCRS", "BASEGEODCRS", "GEOGCRS");
        Node g = geog != null ? geog : crs;
        Node datum = g.child("DATUM", "TRF");
        String names = norm(g.name()) + " " + (datum != null ? norm(datum.name()) : "");
        if (names.contains("beijing") || names.contains("xian") || names.contains("xi_an") || names.contains("1954")
                || names.contains("1980")) {
            return null;
        }
        if (names.contains("cgcs") || names.contains("china_2000") || names.contains("china_geodetic")) {
            return Datum.CGCS2000;
        }
        if (names.contains("wgs_1984") || names.contains("wgs_84") || names.contains("wgs84")) {
            return Datum.WGS84;
        }
        return null;
    }

    private static Crs projected(Node root) {
        Datum datum = datum(root);
        if (datum == null) {
            return null;
        }
        Node projection = root.child("PROJECTION", "METHOD");
        Node conversion = root.child("CONVERSION");
        if (projection == null && conversion != null) {
            projection = conversion.child("METHOD");
        }
        String method = projection == null ? "" : norm(projection.name());
        if (!(method.contains("transverse_mercator") || method.contains("gauss_kruger"))) {
            return null;
        }
        Node unit = root.child("UNIT", "LENGTHUNIT");
        if (unit != null && unit.number(1) != null && Math.abs(unit.number(1) - 1.0) > 1e-12) {
            return null; // feet or other units: not ours
        }
        List<Node> params = new ArrayList<>(root.children("PARAMETER"));
        if (conversion != null) {
            params.addAll(conversion.children("PARAMETER"));
        }
        Double cm = param(params, "central_meridian", "longitude_of_natural_origin", "longitude_of_origin");
        Double fe = param(params, "false_easting");
        Double fn = param(params, "false_northing");
        Double k = param(params, "scale_factor", "scale_factor_at_natural_origin");
        Double lat0 = param(params, "latitude_of_origin", "latitude_of_natural_origin");
        String name = norm(root.name());
        if (cm == null) {
            cm = nameCentralMeridian(name);
        }
        if (cm == null || fe == null) {
            return null;
        }
        double falseNorthing = fn == null ? 0 : fn;
        double scale = k == null ? 1 : k;
        if (lat0 != null && lat0 != 0) {
            return null;
        }
        if (datum == Datum.CGCS2000) {
            if (scale != 1 || falseNorthing != 0 || cm != Math.rint(cm) || cm < 75 || cm > 135) {
                return null;
            }
            int c = cm.intValue();
            boolean fits3 = c % 3 == 0;
            boolean fits6 = (c + 3) % 6 == 0;
            if (fe == 500_000) {
                boolean says3 = name.contains("3_degree") || name.contains("3_deg") || name.contains("3度");
                boolean says6 = !says3 && (name.contains("6_degree") || name.contains("gauss_kruger_cm")
                        || name.matches(".*(^|_)gk_cm.*") || name.contains("gauss_kruger_zone"));
                if (says6 && fits6) {
                    return Crs.epsg(4502 + (c - 75) / 6);
                }
                return fits3 ? Crs.epsg(4534 + (c - 75) / 3) : null;
            }
            double prefix = (fe - 500_000) / 1_000_000;
            if (prefix != Math.rint(prefix)) {
                return null;
            }
            int zone = (int) prefix;
            if (fits3 && zone == c / 3 && zone >= 25 && zone <= 45) {
                return Crs.epsg(4513 + zone - 25);
            }
            if (fits6 && zone == (c + 3) / 6 && zone >= 13 && zone <= 23) {
                return Crs.epsg(4491 + zone - 13);
            }
            return null;
        }
        // WGS 84: UTM only
        if (Math.abs(scale - 0.9996) > 1e-9 || fe != 500_000) {
            return null;
        }
        double zone = (cm + 183) / 6;
        if (zone != Math.rint(zone) || zone < 1 || zone > 60) {
            return null;
        }
        if (falseNorthing == 0) {
            return Crs.epsg(32600 + (int) zone);
        }
        if (falseNorthing == 10_000_000) {
            return Crs.epsg(32700 + (int) zone);
        }
        return null;
    }

    private static final Pattern CM_IN_NAME = Pattern.compile("cm_(\\d{2,3})e?");

    private static Double nameCentralMeridian(String name) {
        Matcher m = CM_IN_NAME.matcher(name);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static Double param(List<Node> params, String... names) {
        for (Node p : params) {
            String n = norm(p.name());
            for (String want : names) {
                if (n.equals(want)) {
                    return p.number(1);
                }
            }
        }
        return null;
    }

    private static Integer authority(Node root) {
        Node a = null;
        for (Object arg : root.args) {
            if (arg instanceof Node n && (n.keyword.equalsIgnoreCase("AUTHORITY") || n.keyword.equalsIgnoreCase("ID"))) {
                a = n; // the last one at top level belongs to the CRS itself
            }
        }
        if (a == null || !a.name().equalsIgnoreCase("EPSG") || a.args.size() < 2) {
            return null;
        }
        Object code = a.args.get(1);
        try {
            return code instanceof Double d ? Integer.valueOf(d.intValue()) : Integer.valueOf(code.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-/()]+", "_");
    }

    /** A small recursive-descent reader of WKT CRS syntax. */
    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        Node node() {
            skipWs();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            String keyword = s.substring(start, i);
            if (keyword.isEmpty()) {
                throw new IllegalArgumentException("keyword expected at " + i);
            }
            skipWs();
            char open = s.charAt(i);
            if (open != '[' && open != '(') {
                throw new IllegalArgumentException("[ expected at " + i);
            }
            char close = open == '[' ? ']' : ')';
            i++;
            List<Object> args = new ArrayList<>();
            while (true) {
                skipWs();
                char c = s.charAt(i);
                if (c == close) {
                    i++;
                    break;
                }
                if (c == ',') {
                    i++;
                    continue;
                }
                if (c == '"') {
                    StringBuilder sb = new StringBuilder();
                    i++;
                    while (true) {
                        char q = s.charAt(i++);
                        if (q == '"') {
                            if (i < s.length() && s.charAt(i) == '"') {
                                sb.append('"');
                                i++;
                                continue;
                            }
                            break;
                        }
                        sb.append(q);
                    }
                    args.add(sb.toString());
                } else if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    int st = i;
                    while (i < s.length() && "+-.eE0123456789".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    args.add(Double.valueOf(s.substring(st, i)));
                } else {
                    int st = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                        i++;
                    }
                    skipWs();
                    if (i < s.length() && (s.charAt(i) == '[' || s.charAt(i) == '(')) {
                        i = st;
                        args.add(node());
                    } else {
                        args.add(s.substring(st, i)); // bare enum such as NORTH
                    }
                }
            }
            return new Node(keyword, args);
        }

        private void skipWs() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}

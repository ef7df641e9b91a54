package org.civatlas.exchange.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.civatlas.exchange.crs.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/** Streaming CSV writer: UTF-8 with BOM, CRLF, RFC 4180 quoting, a WKT column first. See {@link Writers}. */
final class CsvWriter {

    private CsvWriter() {
    }

    static void write(Path out, List<String> fields, Iterator<OutFeature> features, Crs crs) throws IOException {
        WKTWriter wkt = new WKTWriter(3);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8),
                1 << 16)) {
            w.write('\uFEFF');
            w.write("WKT");
            for (String f : fields) {
                w.write(',');
                w.write(quote(f));
            }
            w.write("\r\n");
            while (features.hasNext()) {
                OutFeature f = features.next();
                Geometry g = f.geometryWgs84() == null ? null : crs.fromWgs84(f.geometryWgs84());
                if (g != null) {
                    w.write(quote(wkt.write(g)));
                }
                Map<String, Object> attrs = f.attributes() == null ? Map.of() : f.attributes();
                for (String name : fields) {
                    w.write(',');
                    w.write(quote(text(attrs.get(name))));
                }
                w.write("\r\n");
            }
        }
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : "";
        }
        if (v instanceof Float fl) {
            return Float.isFinite(fl) ? new BigDecimal(Float.toString(fl)).toPlainString() : "";
        }
        return v.toString();
    }

    static String quote(String s) {
        if (s.isEmpty()) {
            return s;
        }
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || s.indexOf(';') >= 0 || s.indexOf('\t') >= 0 || Character.isWhitespace(s.charAt(0))
                || Character.isWhitespace(s.charAt(s.length() - 1));
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}

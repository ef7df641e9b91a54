package org.civatlas.exchange.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civatlas.exchange.TestSupport;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.spatial.Geometries;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** Every export format × CRS: write → read → same geometries and attributes; GDAL's ogrinfo opens each file. */
class RoundTripTest {

    static final List<String> FIELDS = List.of("name", "code", "area_km2", "active", "founded", "note",
            "population_2023", "population_2020", "名称备注");

    static List<OutFeature> features() throws Exception {
        WKTReader wkt = new WKTReader(Geometries.WGS84);
        List<OutFeature> out = new ArrayList<>();
        out.add(new OutFeature(1L, wkt.read("POLYGON ((76.0 39.3, 76.1 39.3, 76.1 39.4, 76.0 39.4, 76.0 39.3),"
                        + " (76.02 39.32, 76.02 39.35, 76.05 39.35, 76.02 39.32))"),
                attrs("疏勒镇", 653122100L, 12.5, true, LocalDate.of(1984, 5, 1), "含\"引号\", 逗号;分号", 91234L, 90001L, "镇")));
        out.add(new OutFeature(2L, wkt.read("MULTIPOLYGON (((76.2 39.2, 76.3 39.2, 76.25 39.28, 76.2 39.2)),"
                        + " ((76.4 39.1, 76.45 39.1, 76.45 39.15, 76.4 39.1)))"),
                attrs("巴仁乡", 653122200L, 0.123456789, false, null, null, 20000L, null, "乡")));
        out.add(new OutFeature(3L, wkt.read("POLYGON ((75.7 39.05, 75.8123456789 39.05, 75.8 39.1, 75.7 39.05))"),
                attrs("Yengisar 英吾斯坦乡", 653122201L, 33.0, true, LocalDate.of(2001, 1, 31), "multi\nline", 1L, 2L, null)));
        return out;
    }

    static Map<String, Object> attrs(Object... values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            m.put(FIELDS.get(i), values[i]);
        }
        return m;
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String format : List.of("geojson", "gpkg", "shp", "csv")) {
            for (String crs : List.of("EPSG:4326", "EPSG:4490", "EPSG:4534", "EPSG:4513")) {
                out.add(Arguments.of(format, crs));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("cases")
    void roundTrip(String format, String code, @TempDir Path dir) throws Exception {
        Crs crs = Crs.parse(code);
        List<OutFeature> written = features();
        Path file = dir.resolve("towns" + Writers.extension(format));
        Writers.write(file, format, "乡镇", FIELDS, written.iterator(), crs);

        List<String> names = format.equals("shp") ? Writers.shapefileFieldNames(FIELDS) : FIELDS;
        if (format.equals("shp")) {
            assertThat(names).containsExactly("name", "code", "area_km2", "active", "founded", "note",
                    "population", "populati_1", "名称备"); // 9 of at most 10 UTF-8 bytes
        }
        List<SourceFeature> read = new ArrayList<>();
        try (FeatureReader r = Readers.open(file, file.getFileName().toString(), ReadOptions.defaults())) {
            if (!format.equals("csv")) {
                assertThat(r.declaredCrs()).contains(crs);
            }
            r.forEachRemaining(read::add);
            assertThat(r.fieldNames()).containsAll(names);
        }
        assertThat(read).hasSize(written.size());
        boolean projected = crs.projected();
        double tolerance = projected ? 0.001 : 1e-9;
        for (int i = 0; i < written.size(); i++) {
            SourceFeature f = read.get(i);
            assertThat(f.problem()).isNull();
            Geometry expected = crs.fromWgs84(written.get(i).geometryWgs84()).norm();
            Geometry actual = f.geometry().norm();
            assertThat(actual.equalsExact(expected, tolerance))
                    .as("%s %s feature %d:%n expected %s%n actual   %s", format, code, i, expected, actual).isTrue();
            for (int k = 0; k < FIELDS.size(); k++) {
                Object want = written.get(i).attributes().get(FIELDS.get(k));
                Object got = f.attributes().get(names.get(k));
                assertThat(text(got)).as("%s %s feature %d field %s", format, code, i, FIELDS.get(k))
                        .isEqualTo(text(want));
            }
        }
        if (!format.equals("csv")) {
            assertThat(read.get(0).attributes().get("code")).isEqualTo(653122100L); // types survive
        }

        if (TestSupport.onPath("ogrinfo")) {
            String source = format.equals("shp") ? "/vsizip/" + file : file.toString();
            String info = TestSupport.run(null, "ogrinfo", "-ro", "-al", "-so", source);
            assertThat(info).as(info).contains("Feature Count: 3");
            if (!format.equals("csv") && projected) {
                assertThat(info).contains("Gauss");
            }
            if (format.equals("shp")) {
                String full = TestSupport.run(null, "ogrinfo", "-ro", "-al", source);
                assertThat(full).as("GDAL decodes the UTF-8 .dbf via .cpg").contains("疏勒镇").contains("名称备");
            }
        }
    }

    /** Values as text, the way a user compares them ("12.5", "true", "1984-05-01"); empty text as null. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        String s = v.toString();
        if (s.matches("-?\\d+\\.\\d*")) {
            s = new BigDecimal(s).stripTrailingZeros().toPlainString();
        }
        return s.isEmpty() ? null : s;
    }
}

package org.civatlas.exchange.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.crs.UnsupportedCrsException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;

/**
 * GeoPackage reader over NGA's library: rows are streamed from the {@link FeatureDao}'s result set (a database
 * cursor), geometries converted from the GeoPackage blob's WKB to JTS. The package must hold exactly one feature
 * table. The CRS comes from the table's SRS: the EPSG organisation code if supported, else its WKT definition.
 */
final class GeoPackageReader extends AbstractFeatureReader {

    private final GeoPackage geoPackage;
    private final FeatureResultSet results;
    private final List<String> fieldNames = new ArrayList<>();
    private final List<Integer> fieldIndexes = new ArrayList<>();
    private final List<GeoPackageDataType> fieldTypes = new ArrayList<>();
    private final int geometryIndex;
    private final Optional<Crs> crs;
    private final WKBReader wkb;
    private long index;
    private boolean closed;

    GeoPackageReader(Path file, ReadOptions options) throws FormatException {
        super(options);
        Limits.checkFileSize(file, options.maxUncompressedBytes());
        GeoPackage gp = null;
        FeatureResultSet rs = null;
        try {
            gp = GeoPackageManager.open(file.toFile(), false);
            List<String> tables = gp.getFeatureTables();
            if (tables.isEmpty()) {
                throw new FormatException("GeoPackage 中没有要素图层", "The GeoPackage contains no feature table "
                        + "(only tiles or attributes?): export the vector layer", "file");
            }
            if (tables.size() > 1) {
                throw new FormatException("GeoPackage 中有多个要素图层（" + String.join(", ", tables)
                        + "），请导出为每个文件一个图层", "The GeoPackage contains several feature tables ("
                        + String.join(", ", tables) + "): export one layer per file", "file");
            }
            FeatureDao dao = gp.getFeatureDao(tables.get(0));
            this.crs = crsOf(dao.getSrs());
            GeometryFactory factory = crs.map(Crs::geometryFactory).orElse(new GeometryFactory(new PrecisionModel(), 0));
            this.wkb = new WKBReader(factory);
            this.geometryIndex = dao.getTable().getGeometryColumnIndex();
            int pk = dao.getTable().hasPkColumn() ? dao.getTable().getPkColumnIndex() : -1;
            List<FeatureColumn> columns = dao.getTable().getColumns();
            for (int i = 0; i < columns.size(); i++) {
                if (i == geometryIndex || i == pk) {
                    continue;
                }
                fieldNames.add(columns.get(i).getName());
                fieldIndexes.add(i);
                fieldTypes.add(columns.get(i).getDataType());
            }
            rs = dao.queryForAll();
            this.results = rs;
            this.geoPackage = gp;
        } catch (FormatException e) {
            close(rs, gp);
            throw e;
        } catch (RuntimeException e) {
            close(rs, gp);
            throw new FormatException("GeoPackage 文件无法打开或已损坏，请重新导出",
                    "The GeoPackage cannot be opened or is corrupt (" + e.getMessage() + "): export it again", "file", e);
        }
    }

    private static Optional<Crs> crsOf(SpatialReferenceSystem srs) {
        if (srs == null) {
            return Optional.empty();
        }
        if ("EPSG".equalsIgnoreCase(srs.getOrganization())) {
            try {
                return Optional.of(Crs.epsg((int) srs.getOrganizationCoordsysId()));
            } catch (UnsupportedCrsException ignored) {
                // try the definition
            }
        }
        return Crs.fromPrj(srs.getDefinition());
    }

    @Override
    public List<String> fieldNames() {
        return List.copyOf(fieldNames);
    }

    @Override
    public Optional<Crs> declaredCrs() {
        return crs;
    }

    @Override
    public String format() {
        return "GeoPackage";
    }

    @Override
    protected SourceFeature readNext() throws FormatException {
        try {
            if (closed || !results.moveToNext()) {
                close();
                return null;
            }
            FeatureRow row = results.getRow();
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (int k = 0; k < fieldNames.size(); k++) {
                attrs.put(fieldNames.get(k), normalise(row.getValue(fieldIndexes.get(k)), fieldTypes.get(k)));
            }
            long i = index++;
            GeoPackageGeometryData data = row.getGeometry();
            if (data == null || data.isEmpty() && data.getGeometry() == null) {
                return new SourceFeature(i, null, attrs, null);
            }
            try {
                Geometry g = wkb.read(data.getWkb());
                String problem = null;
                if (!finite(g)) {
                    problem = "坐标含 NaN 或无穷大 / coordinate is NaN or infinite";
                    g = null;
                }
                return new SourceFeature(i, g, attrs, problem);
            } catch (ParseException | IOException | RuntimeException e) {
                return new SourceFeature(i, null, attrs, "几何数据无法解析 / the geometry blob cannot be decoded: "
                        + e.getMessage());
            }
        } catch (RuntimeException e) {
            close();
            throw new FormatException("读取 GeoPackage 失败（文件可能已损坏）",
                    "Reading the GeoPackage failed (the file may be corrupt): " + e.getMessage(), "file", e);
        }
    }

    private static boolean finite(Geometry g) {
        for (var c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return false;
            }
        }
        return true;
    }

    private static Object normalise(Object v, GeoPackageDataType type) {
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof java.util.Date d) {
            if (type == GeoPackageDataType.DATE) {
                return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            }
            return d.toInstant().toString();
        }
        if (v instanceof String s && type == GeoPackageDataType.DATE) {
            try {
                return LocalDate.parse(s);
            } catch (RuntimeException e) {
                return s;
            }
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return v;
    }

    private static void close(FeatureResultSet rs, GeoPackage gp) {
        try {
            if (rs != null) {
                rs.close();
            }
        } catch (RuntimeException ignored) {
            // closing
        } finally {
            if (gp != null) {
                gp.close();
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            close(results, geoPackage);
        }
    }
}

package org.civatlas.exchange.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.civatlas.exchange.crs.Crs;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.srs.SpatialReferenceSystemDao;
import mil.nga.sf.GeometryType;

/**
 * GeoPackage writer over NGA's library. See {@link Writers}. Features are spooled first so that column types
 * (INTEGER, REAL, BOOLEAN, DATE, TEXT) fit the data; rows are inserted in one transaction.
 */
final class GeoPackageWriter {

    static final String GEOMETRY_COLUMN = "geom";
    static final String PK_COLUMN = "fid";

    private GeoPackageWriter() {
    }

    static void write(Path out, String layer, List<String> fields, Iterator<OutFeature> features, Crs crs)
            throws IOException {
        String table = layer.replaceAll("[^\\p{L}\\p{N}_]+", "_");
        if (table.isEmpty() || Character.isDigit(table.charAt(0))) {
            table = "layer_" + table;
        }
        try (FeatureSpool spool = new FeatureSpool(fields, features, crs::fromWgs84)) {
            Files.deleteIfExists(out);
            GeoPackageManager.create(out.toFile());
            GeoPackage gp = GeoPackageManager.open(out.toFile());
            try {
                SpatialReferenceSystem srs = srs(gp, crs);
                GeometryColumns gc = new GeometryColumns();
                gc.setId(new TableColumnKey(table, GEOMETRY_COLUMN));
                gc.setGeometryType(geometryType(spool));
                gc.setZ((byte) (spool.hasZ() ? 2 : 0));
                gc.setM((byte) 0);
                gc.setSrs(srs);

                List<String> columnNames = columnNames(fields);
                List<FeatureColumn> columns = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    columns.add(FeatureColumn.createColumn(columnNames.get(i), dataType(spool.stats(i).resolved())));
                }
                Envelope e = spool.envelope();
                BoundingBox bbox = e.isNull() ? null : new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
                gp.createFeatureTable(bbox == null ? FeatureTableMetadata.create(gc, PK_COLUMN, columns)
                        : FeatureTableMetadata.create(gc, PK_COLUMN, columns, bbox));
                FeatureDao dao = gp.getFeatureDao(table);
                dao.setPkModifiable(true); // keep the caller's integral ids as feature ids
                WKBWriter wkb2 = new WKBWriter(2);
                WKBWriter wkb3 = new WKBWriter(3);
                gp.beginTransaction();
                boolean ok = false;
                try {
                    Set<Long> usedIds = new HashSet<>();
                    Iterator<FeatureSpool.Row> rows = spool.rows(crs.geometryFactory());
                    while (rows.hasNext()) {
                        FeatureSpool.Row r = rows.next();
                        FeatureRow row = dao.newRow();
                        if (r.id() instanceof Long id && usedIds.add(id)) {
                            row.setId(id);
                        }
                        if (r.geometry() != null) {
                            boolean z = spool.hasZ() && !Double.isNaN(r.geometry().getCoordinate().getZ());
                            byte[] bytes = (z ? wkb3 : wkb2).write(r.geometry());
                            row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srs.getSrsId(), bytes));
                        }
                        for (int i = 0; i < fields.size(); i++) {
                            Object v = r.attributes().get(fields.get(i));
                            row.setValue(columnNames.get(i), value(v, spool.stats(i).resolved()));
                        }
                        dao.insert(row);
                    }
                    ok = true;
                } finally {
                    gp.endTransaction(ok);
                }
            } catch (SQLException | RuntimeException ex) {
                throw new IOException("GeoPackage 写入失败 / Writing the GeoPackage failed: " + ex.getMessage(), ex);
            } finally {
                gp.close();
            }
        }
    }

    private static SpatialReferenceSystem srs(GeoPackage gp, Crs crs) throws SQLException {
        SpatialReferenceSystemDao dao = gp.getSpatialReferenceSystemDao();
        SpatialReferenceSystem existing = dao.queryForId((long) crs.epsgCode());
        if (existing != null) {
            return existing;
        }
        SpatialReferenceSystem srs = new SpatialReferenceSystem();
        srs.setSrsName(crs.name());
        srs.setSrsId(crs.epsgCode());
        srs.setOrganization("EPSG");
        srs.setOrganizationCoordsysId(crs.epsgCode());
        srs.setDefinition(crs.ogcWkt());
        srs.setDescription(crs.name());
        dao.create(srs);
        return srs;
    }

    private static GeometryType geometryType(FeatureSpool spool) {
        Set<FeatureSpool.GeomKind> k = spool.geometryKinds();
        if (k.size() != 1) {
            return GeometryType.GEOMETRY;
        }
        return switch (k.iterator().next()) {
            case POINT -> GeometryType.POINT;
            case MULTIPOINT -> GeometryType.MULTIPOINT;
            case LINE -> GeometryType.GEOMETRY;     // LineString and MultiLineString may be mixed
            case POLYGON -> GeometryType.GEOMETRY;  // Polygon and MultiPolygon may be mixed
            default -> GeometryType.GEOMETRY;
        };
    }

    private static List<String> columnNames(List<String> fields) {
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>(List.of(PK_COLUMN, GEOMETRY_COLUMN));
        for (String f : fields) {
            String name = f == null || f.isBlank() ? "field" : f;
            String candidate = name;
            for (int k = 1; used.contains(candidate.toLowerCase(Locale.ROOT)); k++) {
                candidate = name + "_" + k;
            }
            used.add(candidate.toLowerCase(Locale.ROOT));
            out.add(candidate);
        }
        return out;
    }

    private static GeoPackageDataType dataType(FeatureSpool.Kind kind) {
        return switch (kind) {
            case LONG -> GeoPackageDataType.INTEGER;
            case DOUBLE -> GeoPackageDataType.DOUBLE;
            case BOOLEAN -> GeoPackageDataType.BOOLEAN;
            case DATE -> GeoPackageDataType.DATE;
            default -> GeoPackageDataType.TEXT;
        };
    }

    private static Object value(Object v, FeatureSpool.Kind kind) {
        if (v == null) {
            return null;
        }
        return switch (kind) {
            case DOUBLE -> ((Number) v).doubleValue();
            case DATE -> v.toString();
            case STRING, NULL -> v instanceof Double d ? CsvWriter.text(d) : v.toString();
            default -> v;
        };
    }
}

package org.civatlas.exchange.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.civatlas.exchange.crs.Crs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import mil.nga.sf.GeometryType;
import mil.nga.sf.Point;

/** A GeoPackage written directly with NGA's API (not with our writer), then read back with our reader. */
class GeoPackageReaderTest {

    @Test
    void readsAGeoPackageWrittenByNga(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("facilities.gpkg");
        GeoPackageManager.create(file.toFile());
        GeoPackage gp = GeoPackageManager.open(file.toFile());
        try {
            var srs = gp.getSpatialReferenceSystemDao().queryForId(4326L);
            GeometryColumns gc = new GeometryColumns();
            gc.setId(new TableColumnKey("facilities", "geom"));
            gc.setGeometryType(GeometryType.POINT);
            gc.setZ((byte) 0);
            gc.setM((byte) 0);
            gc.setSrs(srs);
            List<FeatureColumn> cols = List.of(FeatureColumn.createColumn("name", GeoPackageDataType.TEXT),
                    FeatureColumn.createColumn("beds", GeoPackageDataType.INTEGER),
                    FeatureColumn.createColumn("rating", GeoPackageDataType.DOUBLE));
            gp.createFeatureTable(FeatureTableMetadata.create(gc, "fid", cols));
            FeatureDao dao = gp.getFeatureDao("facilities");
            String[] names = {"疏勒县敬老院", "巴仁乡卫生院", null};
            for (int i = 0; i < 3; i++) {
                FeatureRow row = dao.newRow();
                row.setGeometry(GeoPackageGeometryData.create(srs.getSrsId(), new Point(76.0 + i * 0.1, 39.4)));
                row.setValue("name", names[i]);
                row.setValue("beds", 10L * (i + 1));
                row.setValue("rating", 4.5 - i);
                dao.insert(row);
            }
        } finally {
            gp.close();
        }

        List<SourceFeature> read = new ArrayList<>();
        try (FeatureReader r = Readers.open(file, "facilities.gpkg", ReadOptions.defaults())) {
            assertThat(r.format()).isEqualTo("GeoPackage");
            assertThat(r.declaredCrs()).contains(Crs.WGS84);
            assertThat(r.fieldNames()).containsExactly("name", "beds", "rating");
            r.forEachRemaining(read::add);
        }
        assertThat(read).hasSize(3);
        assertThat(read.get(0).attributes()).containsEntry("name", "疏勒县敬老院").containsEntry("beds", 10L)
                .containsEntry("rating", 4.5);
        assertThat(read.get(2).attributes()).containsEntry("name", null);
        assertThat(read.get(1).geometry().getCoordinate().x).isEqualTo(76.1);
        assertThat(read.get(1).geometry().getSRID()).isEqualTo(4326);
    }
}

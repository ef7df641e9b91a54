package org.civatlas.layers.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.IUserDataConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerProps;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;

/**
 * A layer's features prepared once for tiling: projected to Web Mercator, simplified per zoom (tolerance half a
 * screen pixel of that zoom) and indexed with an STRtree per zoom. Immutable and thread-safe once built.
 *
 * <p>Polygon features are treated as a coverage and simplified together with JTS {@link CoverageSimplifier}, so
 * edges shared by neighbours are simplified once and stay shared (no gaps, no slivers). Levels are built from the
 * highest zoom down, each from the level above (the tolerance doubles per zoom, so the accumulated deviation stays
 * below ~0.75 px). Invalid input polygons (self-intersections etc.) are repaired with {@link GeometryFixer} first and
 * counted; if the coverage simplifier fails on the whole set, every polygon falls back to per-feature
 * {@link TopologyPreservingSimplifier} for that zoom (counted). Lines use Douglas–Peucker per feature; points are
 * kept, or, if asked, merged per grid cell below a given zoom ({@link PointThinning}). Polygon parts smaller than one
 * tile unit squared (1/16 px) at a zoom are dropped at that zoom.
 *
 * <p>Zooms above {@code maxZoom} are served from the {@code maxZoom} level (over-zoom); zooms below {@code minZoom}
 * give an empty tile.
 */
public final class TileSource {

    /** Tile coordinate extent. */
    public static final int EXTENT = 4096;
    /** Clip buffer in tile units (as ST_AsMVTGeom's default 256 would be larger; 64 is what the baseline uses). */
    public static final int BUFFER = 64;
    /** An empty tile: a Tile message with no layers (0 bytes), as ST_AsMVT returns for no rows. */
    private static final byte[] EMPTY = new byte[0];
    private static final MvtLayerParams PARAMS = new MvtLayerParams(EXTENT);

    private final String layerName;
    private final int minZoom;
    private final int maxZoom;
    private final Envelope boundsWgs84;
    private final Level[] levels;
    private final Long[] mvtIds;
    private final String[] ids;
    private final Map<String, String> fields;
    private final BuildStats stats;

    /** How the build went; counts are features unless said otherwise. */
    public record BuildStats(int features, int withoutGeometry, int polygonal, int invalidRepaired,
                             int invalidDropped, int coverageFallbackZooms, int perFeatureFallbacks,
                             Map<Integer, Long> verticesPerZoom, Map<Integer, Integer> featuresPerZoom,
                             long buildMillis) {
    }

    private record Level(int zoom, STRtree index, Geometry[] geometries, Map<String, Object>[] attributes) {
    }

    /** User data on a tile geometry: the MVT id (or null) and the tags. */
    private record Tags(Long id, String idText, Map<String, Object> attributes) {
    }

    private TileSource(String layerName, int minZoom, int maxZoom, Envelope boundsWgs84, Level[] levels,
                       Long[] mvtIds, String[] ids, Map<String, String> fields, BuildStats stats) {
        this.layerName = layerName;
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
        this.boundsWgs84 = boundsWgs84;
        this.levels = levels;
        this.mvtIds = mvtIds;
        this.ids = ids;
        this.fields = fields;
        this.stats = stats;
    }

    /**
     * Prepares the features for zooms minZoom..maxZoom (all levels are computed now, so tile requests never simplify).
     * Every point is kept at every zoom.
     *
     * @param attributes which attributes go into tiles at which zoom
     */
    public static TileSource build(String layerName, List<TileFeature> features, int minZoom, int maxZoom,
                                   AttributePolicy attributes) {
        return build(layerName, features, minZoom, maxZoom, attributes, minZoom);
    }

    /**
     * As {@link #build(String, List, int, int, AttributePolicy)}, with the points (features that are one point)
     * merged per grid cell below {@code pointsFullFromZoom} ({@link PointThinning}): from that zoom on every point is
     * in the tile.
     */
    @SuppressWarnings("unchecked")
    public static TileSource build(String layerName, List<TileFeature> features, int minZoom, int maxZoom,
                                   AttributePolicy attributes, int pointsFullFromZoom) {
        Objects.requireNonNull(layerName, "layerName");
        Objects.requireNonNull(attributes, "attributes");
        if (minZoom < 0 || maxZoom > TileMath.MAX_ZOOM || minZoom > maxZoom) {
            throw new IllegalArgumentException("zoom range " + minZoom + ".." + maxZoom);
        }
        long t0 = System.nanoTime();
        int n = features.size();
        Geometry[] mercator = new Geometry[n];
        boolean[] polygonal = new boolean[n];
        AtomicInteger withoutGeometry = new AtomicInteger();
        AtomicInteger repaired = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        Envelope bounds = new Envelope();
        for (TileFeature f : features) {
            if (f.geometryWgs84() != null && !f.geometryWgs84().isEmpty()) {
                bounds.expandToInclude(f.geometryWgs84().getEnvelopeInternal());
            }
        }
        IntStream.range(0, n).parallel().forEach(i -> {
            Geometry g = features.get(i).geometryWgs84();
            if (g == null || g.isEmpty()) {
                withoutGeometry.incrementAndGet();
                return;
            }
            Geometry m = TileMath.toMercator(g);
            if (m instanceof Polygonal) {
                if (!m.isValid()) {
                    Geometry fixed = polygonsOf(GeometryFixer.fix(m));
                    if (fixed == null) {
                        dropped.incrementAndGet();
                        return;
                    }
                    repaired.incrementAndGet();
                    m = fixed;
                }
                polygonal[i] = true;
            }
            mercator[i] = m;
        });

        int[] coverageIdx = IntStream.range(0, n).filter(i -> polygonal[i]).toArray();
        int[] otherIdx = IntStream.range(0, n).filter(i -> !polygonal[i] && mercator[i] != null).toArray();
        int[] pointIdx = Arrays.stream(otherIdx).filter(i -> mercator[i] instanceof Point).toArray();
        // a layer of points only keeps the same geometries at every full-detail zoom: one index serves them all
        boolean pointsOnly = coverageIdx.length == 0 && pointIdx.length == otherIdx.length;
        boolean merged = false;
        PointThinning thinning = pointIdx.length > 1 && minZoom < pointsFullFromZoom
                ? new PointThinning(mercator, pointIdx) : null;
        int thinnedAt = -1;
        Geometry[] coverage = new Geometry[coverageIdx.length];
        for (int k = 0; k < coverageIdx.length; k++) {
            coverage[k] = mercator[coverageIdx[k]];
        }

        Level[] levels = new Level[maxZoom - minZoom + 1];
        Map<Integer, Long> vertices = new LinkedHashMap<>();
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        int fallbackZooms = 0;
        int perFeatureFallbacks = 0;
        Geometry[] previous = coverage;
        // each feature's attributes, selected once for all the zooms at which the policy selects the same ones
        Map<String, Object>[] selected = new Map[n];
        int selectedAt = -1;
        for (int z = maxZoom; z >= minZoom; z--) {
            double tolerance = 0.5 * TileMath.pixelSizeMercator(z);
            Geometry[] simplified;
            try {
                simplified = coverage.length == 0 ? coverage : CoverageSimplifier.simplify(previous, tolerance);
            } catch (RuntimeException e) {
                fallbackZooms++;
                perFeatureFallbacks += previous.length;
                Geometry[] prev = previous;
                simplified = IntStream.range(0, prev.length).parallel()
                        .mapToObj(k -> simplifyOne(prev[k], tolerance)).toArray(Geometry[]::new);
            }
            for (int k = 0; k < simplified.length; k++) {
                if (simplified[k] == null || simplified[k].isEmpty()) {
                    perFeatureFallbacks++;
                    simplified[k] = simplifyOne(previous[k], tolerance);
                }
            }
            previous = simplified;

            if (selectedAt < 0 || !attributes.sameAt(z, selectedAt)) {
                selected = new Map[n];
                selectedAt = z;
            }
            Map<String, Object>[] selectedAtZ = selected;
            int zoom = z;
            IntFunction<Map<String, Object>> attributesOf = i -> {
                if (selectedAtZ[i] == null) {
                    selectedAtZ[i] = Map.copyOf(withoutNulls(attributes.select(features.get(i).attributes(), zoom)));
                }
                return selectedAtZ[i];
            };
            List<PointThinning.Cluster> clusters = List.of();
            if (thinning != null && z < pointsFullFromZoom) {
                clusters = thinning.at(z, attributesOf, thinnedAt >= 0 && attributes.sameAt(z, thinnedAt));
                thinnedAt = z;
            }
            merged |= !clusters.isEmpty();
            // entries 0..n-1 are the features, n.. the merged points (no id)
            Geometry[] geoms = new Geometry[n + clusters.size()];
            double minArea = Math.pow(TileMath.tileSizeMercator(z) / EXTENT, 2);
            for (int k = 0; k < coverageIdx.length; k++) {
                geoms[coverageIdx[k]] = dropTinyParts(simplified[k], minArea);
            }
            for (int i : otherIdx) {
                Geometry g = mercator[i];
                geoms[i] = g.getDimension() == 0 ? g : DouglasPeuckerSimplifier.simplify(g, tolerance);
            }
            Map<String, Object>[] attrs = new Map[geoms.length];
            for (int i = 0; i < n; i++) {
                if (geoms[i] == null || geoms[i].isEmpty()) {
                    geoms[i] = null;
                } else {
                    attrs[i] = attributesOf.apply(i);
                }
            }
            for (int k = 0; k < clusters.size(); k++) {
                for (int i : clusters.get(k).members()) {
                    geoms[i] = null;
                    attrs[i] = null;
                }
                geoms[n + k] = clusters.get(k).point();
                attrs[n + k] = clusters.get(k).attributes();
            }
            Level above = z < maxZoom ? levels[z + 1 - minZoom] : null;
            STRtree index;
            if (pointsOnly && clusters.isEmpty() && above != null && above.geometries().length == n) {
                index = above.index();
                geoms = above.geometries();
                if (Arrays.equals(attrs, above.attributes())) {
                    attrs = above.attributes();
                }
            } else {
                index = new STRtree();
                for (int i = 0; i < geoms.length; i++) {
                    if (geoms[i] != null) {
                        index.insert(geoms[i].getEnvelopeInternal(), i);
                    }
                }
                index.build();
            }
            long v = 0;
            int c = 0;
            for (Geometry g : geoms) {
                if (g != null) {
                    v += g.getNumPoints();
                    c++;
                }
            }
            levels[z - minZoom] = new Level(z, index, geoms, attrs);
            vertices.put(z, v);
            counts.put(z, c);
        }

        Long[] mvtIds = new Long[n];
        String[] ids = new String[n];
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "String");
        for (int i = 0; i < n; i++) {
            ids[i] = features.get(i).id();
            mvtIds[i] = mvtId(ids[i]);
            attributes.select(features.get(i).attributes(), maxZoom).forEach((k, val) -> {
                if (val != null) {
                    fields.putIfAbsent(k, val instanceof Number ? "Number"
                            : val instanceof Boolean ? "Boolean" : "String");
                }
            });
        }
        if (merged) {
            fields.put(PointThinning.COUNT, "Number");
        }
        BuildStats stats = new BuildStats(n, withoutGeometry.get(), coverageIdx.length, repaired.get(),
                dropped.get(), fallbackZooms, perFeatureFallbacks, vertices, counts,
                (System.nanoTime() - t0) / 1_000_000);
        Envelope b = bounds.isNull() ? new Envelope() : bounds;
        return new TileSource(layerName, minZoom, maxZoom, b, levels, mvtIds, ids, fields, stats);
    }

    /** The tile's MVT bytes (extent 4096, clipped with a 64-unit buffer); an empty array if nothing is in it. */
    public byte[] tile(int z, int x, int y) {
        if (!TileMath.valid(z, x, y)) {
            throw new IllegalArgumentException("no such tile " + z + "/" + x + "/" + y);
        }
        if (z < minZoom) {
            return EMPTY;
        }
        Level level = levels[Math.min(z, maxZoom) - minZoom];
        TileClipper clipper = new TileClipper(TileMath.tileBoundsMercator(z, x, y), EXTENT, BUFFER);
        @SuppressWarnings("unchecked")
        List<Integer> hits = level.index().query(clipper.clipEnvelopeMercator());
        if (hits.isEmpty()) {
            return EMPTY;
        }
        int[] order = hits.stream().mapToInt(Integer::intValue).sorted().toArray();
        List<Geometry> tileGeoms = new ArrayList<>(order.length);
        for (int i : order) {
            Geometry g = clipper.clip(level.geometries()[i]);
            if (g != null) {
                boolean feature = i < ids.length; // else a merged point
                g.setUserData(new Tags(feature ? mvtIds[i] : null, feature ? ids[i] : null, level.attributes()[i]));
                tileGeoms.add(g);
            }
        }
        if (tileGeoms.isEmpty()) {
            return EMPTY;
        }
        VectorTile.Tile.Layer.Builder layer = MvtUtil.newLayerBuilder(layerName, PARAMS);
        MvtLayerProps props = new MvtLayerProps();
        JtsAdapter.addFeatures(layer, tileGeoms, props, TAGS);
        if (layer.getFeaturesCount() == 0) {
            return EMPTY; // everything collapsed at this zoom
        }
        MvtUtil.writeProps(layer, props);
        return VectorTile.Tile.newBuilder().addLayers(layer.build()).build().toByteArray();
    }

    public Envelope boundsWgs84() {
        return new Envelope(boundsWgs84);
    }

    public String layerName() {
        return layerName;
    }

    public int minZoom() {
        return minZoom;
    }

    public int maxZoom() {
        return maxZoom;
    }

    public BuildStats stats() {
        return stats;
    }

    /** TileJSON 3.0.0 for this layer, tiles at the given URL template (with {z}/{x}/{y}). */
    public Map<String, Object> tileJson(String tilesUrlTemplate) {
        Map<String, Object> tj = new LinkedHashMap<>();
        tj.put("tilejson", "3.0.0");
        tj.put("name", layerName);
        tj.put("scheme", "xyz");
        tj.put("tiles", List.of(tilesUrlTemplate));
        tj.put("minzoom", minZoom);
        tj.put("maxzoom", maxZoom);
        if (!boundsWgs84.isNull()) {
            tj.put("bounds", List.of(boundsWgs84.getMinX(), boundsWgs84.getMinY(), boundsWgs84.getMaxX(),
                    boundsWgs84.getMaxY()));
            tj.put("center", List.of(boundsWgs84.centre().x, boundsWgs84.centre().y,
                    Math.max(minZoom, Math.min(maxZoom, 8))));
        }
        Map<String, Object> vl = new LinkedHashMap<>();
        vl.put("id", layerName);
        vl.put("fields", Map.copyOf(fields));
        vl.put("minzoom", minZoom);
        vl.put("maxzoom", maxZoom);
        tj.put("vector_layers", List.of(vl));
        return tj;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static final IUserDataConverter TAGS = (userData, props, feature) -> {
        if (!(userData instanceof Tags tags)) {
            return;
        }
        if (tags.id() != null) {
            feature.setId(tags.id());
        }
        if (tags.idText() != null) {
            feature.addTags(props.addKey("id"));
            feature.addTags(props.addValue(tags.idText()));
        }
        for (Map.Entry<String, Object> e : tags.attributes().entrySet()) {
            if (e.getKey().equals("id")) {
                continue;
            }
            Object v = e.getValue();
            if (!MvtUtil.isValidPropValue(v)) {
                v = String.valueOf(v);
            }
            feature.addTags(props.addKey(e.getKey()));
            feature.addTags(props.addValue(v));
        }
    };

    private static Long mvtId(String id) {
        try {
            long v = Long.parseLong(id);
            return v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The polygonal part of a geometry (Polygon or MultiPolygon), or null if there is none. */
    private static Geometry polygonsOf(Geometry g) {
        if (g instanceof Polygonal && !g.isEmpty()) {
            return g;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polys = PolygonExtracter.getPolygons(g);
        polys.removeIf(Geometry::isEmpty);
        if (polys.isEmpty()) {
            return null;
        }
        return polys.size() == 1 ? polys.get(0) : g.getFactory().createMultiPolygon(polys.toArray(new Polygon[0]));
    }

    private static Geometry simplifyOne(Geometry g, double tolerance) {
        if (g == null) {
            return null;
        }
        try {
            return TopologyPreservingSimplifier.simplify(g, tolerance);
        } catch (RuntimeException e) {
            return g;
        }
    }

    private static Geometry dropTinyParts(Geometry g, double minArea) {
        if (g == null || g.isEmpty()) {
            return null;
        }
        if (g instanceof Polygon p) {
            return p.getArea() < minArea ? null : p;
        }
        Polygon[] kept = new Polygon[g.getNumGeometries()];
        int m = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (!p.isEmpty() && p.getArea() >= minArea) {
                kept[m++] = p;
            }
        }
        if (m == kept.length) {
            return g;
        }
        if (m == 0) {
            return null;
        }
        return m == 1 ? kept[0] : g.getFactory().createMultiPolygon(Arrays.copyOf(kept, m));
    }
}

package org.civatlas.layers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civatlas.common.ProblemException;
import org.civatlas.layers.tiles.AttributePolicy;
import org.civatlas.layers.tiles.TileCache;
import org.civatlas.layers.tiles.TileFeature;
import org.civatlas.layers.tiles.TileMath;
import org.civatlas.layers.tiles.TileSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Vector tiles (Mapbox Vector Tile, Web Mercator) of the public collections, with per-zoom simplification that keeps
 * shared boundaries shared, and TileJSON. Sources are built on first use and rebuilt when data changes (the modules'
 * change events); tiles are cached per source version.
 */
@RestController
class TileController {

    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final int MAX_ZOOM = 16;
    /**
     * Below this zoom the points of a point layer are merged per 4-px cell (with {@code point_count}): at zoom 12 a tile
     * is about 10 km wide, and a province-sized registry's densest tile holds about a thousand facilities there.
     */
    static final int POINTS_FULL_FROM_ZOOM = 12;
    private static final Logger LOG = LoggerFactory.getLogger(TileController.class);

    private final FeatureCollections collections;
    private final TileCache cache = new TileCache(64L * 1024 * 1024);
    private final LayerDataVersion dataVersion;
    private final Map<String, Built> sources = new ConcurrentHashMap<>();
    private final Map<String, Object> buildLocks = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A built source: the data version it reflects, and its own cache version (new on every rebuild). */
    private record Built(TileSource source, long dataVersion, long version, long builtAt) {
    }

    TileController(FeatureCollections collections, LayerDataVersion dataVersion, Optional<Clock> clock) {
        this.collections = collections;
        this.dataVersion = dataVersion;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @GetMapping(value = "/tiles/{collection}/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tile(@PathVariable String collection, @PathVariable String z, @PathVariable String x,
            @PathVariable String y, Authentication authentication) {
        int zz = integer("z", z);
        int xx = integer("x", x);
        int yy = integer("y", y);
        if (zz > MAX_ZOOM || !TileMath.valid(zz, xx, yy)) {
            throw ProblemException.badParameter("z", "瓦片编号超出范围：z 须为 0.." + MAX_ZOOM + "，x、y 须为 0..2^z-1 / "
                    + "tile " + z + "/" + x + "/" + y + " is out of range (z 0.." + MAX_ZOOM + ", x and y 0..2^z-1)");
        }
        Built built = source(collection, authentication);
        byte[] bytes = cache.get(collection, built.version(), zz, xx, yy, () -> built.source().tile(zz, xx, yy));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MVT)).body(bytes);
    }

    /**
     * Builds every public collection's tile source in the background once the application is up: otherwise the
     * first map clients after a start all wait on the builds (a cold start under load timed out requests).
     */
    @EventListener(ApplicationReadyEvent.class)
    void buildSourcesAhead() {
        Thread warmUp = new Thread(() -> {
            for (FeatureSource fs : collections.all()) {
                if (fs.visibleTo(false)) {
                    try {
                        source(fs.id(), null);
                    } catch (RuntimeException e) {
                        LOG.warn("tile source {} not built ahead: {}", fs.id(), e.toString());
                    }
                }
            }
        }, "tile-sources-ahead");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    @GetMapping(value = "/tiles/{collection}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> tileJson(@PathVariable String collection, Authentication authentication) {
        Built built = source(collection, authentication);
        String template = ServletUriComponentsBuilder.fromCurrentContextPath().path("/tiles/" + collection)
                .build().toUriString() + "/{z}/{x}/{y}.mvt";
        return built.source().tileJson(template);
    }

    private Built source(String collection, Authentication authentication) {
        // tiles are public: a restricted collection is invisible here exactly like a missing one
        FeatureSource fs = collections.byId(collection).filter(c -> c.visibleTo(false)).orElseThrow(() ->
                ProblemException.notFound("没有要素集 " + collection + " / no collection " + collection));
        long version = dataVersion.of(fs.madeOf());
        Built built = sources.get(collection);
        if (built != null && built.dataVersion() == version) {
            return built;
        }
        // one build per collection at a time, under the collection's own lock: a build inside the map's compute
        // would also hold back the collections that share its bin, and every lookup would take the bin's lock
        synchronized (buildLocks.computeIfAbsent(collection, id -> new Object())) {
            Built old = sources.get(collection);
            if (old != null && old.dataVersion() == version) {
                return old;
            }
            long now = clock.millis();
            built = new Built(TileSource.build(collection, features(fs), 0, MAX_ZOOM, policy(fs),
                    POINTS_FULL_FROM_ZOOM), version, old == null ? 0 : old.version() + 1, now);
            sources.put(collection, built);
            return built;
        }
    }

    private static List<TileFeature> features(FeatureSource fs) {
        GeoJsonReader reader = new GeoJsonReader();
        List<TileFeature> out = new ArrayList<>();
        for (FeatureSource.Feature f : fs.page(null, 0, Integer.MAX_VALUE, false)) {
            if (f.geometryJson() == null || f.geometryJson().equals("null")) {
                continue;
            }
            try {
                Geometry g = reader.read(f.geometryJson());
                Map<String, Object> attributes = new java.util.LinkedHashMap<>();
                f.properties().forEach((k, v) -> {
                    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                        attributes.put(k, v);
                    } else if (v != null && !(v instanceof java.util.Collection<?>) && !(v instanceof Map<?, ?>)) {
                        attributes.put(k, v.toString());
                    }
                });
                out.add(new TileFeature(f.id(), g, attributes));
            } catch (org.locationtech.jts.io.ParseException e) {
                // a feature whose geometry cannot be read is left out of the tiles
            }
        }
        return out;
    }

    /** Names and codes from the start, everything else from zoom 10. */
    private static AttributePolicy policy(FeatureSource fs) {
        return AttributePolicy.byZoom(Map.of(0, List.of("name", "code", "lineCode", "number", "type", "level"),
                10, fs.queryables(false)));
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, name + " 须为整数 / " + name + " must be a whole number, got '"
                    + value + "'");
        }
    }
}

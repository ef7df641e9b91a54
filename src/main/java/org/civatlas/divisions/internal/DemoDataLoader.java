package org.civatlas.divisions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the demo dataset (gis-data/demo, made by the demodata generator) into an empty database on start.
 * Idempotent: a database that already holds units is left alone. Switched off with
 * {@code civatlas.demo-data.enabled=false}.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    /** Parents before children, so that the parent-code foreign key holds at every insert. */
    private static final List<String> FILES = List.of("counties.geojson", "townships.geojson", "villages.geojson");

    private final AdminUnitRepository units;
    private final ResourceLoader resources;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final boolean enabled;
    private final String location;

    DemoDataLoader(AdminUnitRepository units, ResourceLoader resources, TransactionTemplate transaction,
            ObjectMapper json, @Value("${civatlas.demo-data.enabled:true}") boolean enabled,
            @Value("${civatlas.demo-data.location:classpath:gis-data/demo/}") String location) {
        this.units = units;
        this.resources = resources;
        this.transaction = transaction;
        this.json = json;
        this.enabled = enabled;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            log.info("Demo data loading is switched off (civatlas.demo-data.enabled=false)");
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (units.count() > 0) {
                log.info("Database already holds administrative units; demo data not loaded");
                return;
            }
            int loaded = 0;
            for (String file : FILES) {
                loaded += load(resources.getResource(location + file));
            }
            log.info("Loaded {} administrative units of the demo dataset from {}", loaded, location);
        });
    }

    private int load(Resource resource) {
        JsonNode collection;
        try (InputStream in = resource.getInputStream()) {
            collection = json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo data " + resource, e);
        }
        GeoJsonReader geoJson = new GeoJsonReader(Geometries.WGS84);
        int count = 0;
        for (JsonNode feature : collection.path("features")) {
            JsonNode p = feature.path("properties");
            AdminUnit unit = new AdminUnit(p.path("code").asString(), p.path("name").asString(), text(p, "parentCode"));
            unit.setGbCode(text(p, "gbCode"));
            unit.setNameSource(text(p, "nameSource"));
            unit.setPopulation(p.path("population").isNumber() ? p.path("population").asInt() : null,
                    p.path("populationSynthetic").asBoolean());
            Geometry geometry;
            try {
                geometry = geoJson.read(feature.path("geometry").toString());
            } catch (ParseException e) {
                throw new IllegalStateException("Bad geometry in " + resource + " for " + unit.getCode(), e);
            }
            var multi = Geometries.toMultiPolygon(geometry);
            // A flag the data carries (e.g. a defect of the source polygon that the datum shift turned into a
            // sliver JTS no longer reports) is kept; otherwise JTS decides.
            GeometryValidity validity = p.path("geometryValid").isBoolean() && !p.path("geometryValid").asBoolean()
                    ? new GeometryValidity(false, text(p, "geometryInvalidReason"))
                    : GeometryValidity.of(multi);
            unit.setGeometry(multi, p.path("geometrySynthetic").asBoolean(), text(p, "geometrySource"),
                    text(p, "crsConversion"), validity);
            units.save(unit);
            count++;
        }
        units.flush();
        return count;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}

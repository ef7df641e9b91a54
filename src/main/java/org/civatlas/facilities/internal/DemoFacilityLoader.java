package org.civatlas.facilities.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.civatlas.facilities.FacilityInput;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.facilities.FacilityStatus;
import org.civatlas.facilities.Operator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the synthetic demo facilities (gis-data/demo/facilities.geojson) into an empty facility table, after the
 * divisions are loaded (the unit each facility lies in is derived from them). Idempotent.
 */
@Component
@Order(20)
class DemoFacilityLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFacilityLoader.class);

    private final FacilityRegistry registry;
    private final ResourceLoader resources;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final boolean enabled;
    private final String location;

    DemoFacilityLoader(FacilityRegistry registry, ResourceLoader resources, TransactionTemplate transaction,
            ObjectMapper json, @Value("${civatlas.demo-data.enabled:true}") boolean enabled,
            @Value("${civatlas.demo-data.location:classpath:gis-data/demo/}") String location) {
        this.registry = registry;
        this.resources = resources;
        this.transaction = transaction;
        this.json = json;
        this.enabled = enabled;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (registry.count() > 0) {
                return;
            }
            JsonNode collection;
            try (InputStream in = resources.getResource(location + "facilities.geojson").getInputStream()) {
                collection = json.readTree(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read demo facilities from " + location, e);
            }
            int count = 0;
            for (JsonNode feature : collection.path("features")) {
                JsonNode p = feature.path("properties");
                JsonNode xy = feature.path("geometry").path("coordinates");
                FacilityInput input = new FacilityInput(p.path("name").asString(), p.path("type").asString(),
                        Operator.valueOf(p.path("operator").asString()),
                        FacilityStatus.valueOf(p.path("status").asString()), date(p, "plannedOn"),
                        date(p, "constructionStartedOn"), date(p, "openedOn"), date(p, "closedOn"),
                        integer(p, "beds"), integer(p, "nursingBeds"),
                        p.path("floorAreaM2").isNumber() ? p.path("floorAreaM2").asDouble() : null,
                        integer(p, "staff"), xy.get(0).asDouble(), xy.get(1).asDouble(), null);
                registry.importFacility(input, p.path("synthetic").asBoolean(), p.path("source").asString());
                count++;
            }
            log.info("Loaded {} synthetic demo facilities", count);
        });
    }

    private static LocalDate date(JsonNode p, String field) {
        return p.path(field).isString() ? LocalDate.parse(p.path(field).asString()) : null;
    }

    private static Integer integer(JsonNode p, String field) {
        return p.path(field).isNumber() ? p.path(field).asInt() : null;
    }
}

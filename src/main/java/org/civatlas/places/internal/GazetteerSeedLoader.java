package org.civatlas.places.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionKind;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.places.NameReadings;
import org.civatlas.places.PlaceRegistry;
import org.civatlas.places.PlacesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the gazetteer of an empty database with the published standard names of the county's units (the county,
 * its township-level units, villages and communities), their Roman spellings (the automatic proposal) and the
 * Uyghur names the demo data carries. Nothing is invented: meaning, origin and history stay empty.
 */
@Component
@Order(30)
class GazetteerSeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GazetteerSeedLoader.class);

    private final PlaceRepository places;
    private final PlaceRegistry registry;
    private final DivisionQueries divisions;
    private final NameReadings readings;
    private final ResourceLoader resources;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final boolean enabled;
    private final String location;
    private final String countyCode;

    GazetteerSeedLoader(PlaceRepository places, PlaceRegistry registry, DivisionQueries divisions,
            NameReadings readings, ResourceLoader resources, TransactionTemplate transaction,
            ApplicationEventPublisher events,
            @Value("${civatlas.demo-data.enabled:true}") boolean enabled,
            @Value("${civatlas.demo-data.location:classpath:gis-data/demo/}") String location,
            @Value("${civatlas.site.county-code}") String countyCode) {
        this.places = places;
        this.registry = registry;
        this.divisions = divisions;
        this.readings = readings;
        this.resources = resources;
        this.transaction = transaction;
        this.events = events;
        this.enabled = enabled;
        this.location = location.endsWith("/") ? location : location + "/";
        this.countyCode = countyCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (places.count() > 0 || divisions.byCode(countyCode).isEmpty()) {
                return;
            }
            Map<String, String[]> uyghur = uyghurNames(resources.getResource(location + "uyghur-names.csv"));
            var categories = registry.categoriesByCode();
            int count = 0;
            for (DivisionLevel level : DivisionLevel.values()) {
                for (Division d : divisions.descendants(countyCode, level)) {
                    String category = category(d);
                    PlaceEntity p = new PlaceEntity(d.name(), readings.propose(d.name(),
                            categories.get(category).romanizeAs()), category, d.code(),
                            d.geometry() == null ? null : d.geometry().getInteriorPoint(), d.geometrySynthetic(), null,
                            "published standard name of the administrative unit: " + d.nameSource());
                    p.setDivisionCode(d.code());
                    String[] ug = uyghur.get(d.code());
                    if (ug != null) {
                        p.setUyghur(ug[0], ug[1] == null || ug[1].isBlank() ? readings.uyghurLatin(ug[0]) : ug[1]);
                    }
                    places.save(p);
                    count++;
                }
            }
            log.info("Seeded the gazetteer with {} standard names of county {}", count, countyCode);
            // a search answered while the seed was loading built an index without these names
            events.publishEvent(new PlacesChanged(PlacesChanged.MANY));
        });
    }

    private static String category(Division d) {
        if (d.level() == DivisionLevel.COUNTY) {
            return "ADMIN_COUNTY";
        }
        if (d.level() == DivisionLevel.TOWNSHIP) {
            return "ADMIN_TOWNSHIP";
        }
        return d.kind() == DivisionKind.RESIDENTS_COMMITTEE ? "RESIDENTS_COMMITTEE" : "VILLAGERS_COMMITTEE";
    }

    private static Map<String, String[]> uyghurNames(Resource resource) {
        Map<String, String[]> names = new HashMap<>();
        if (!resource.exists()) {
            return names;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource.getInputStream(),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                List<String> cells = List.of(line.split(",", 4));
                if (cells.size() >= 2) {
                    names.put(cells.get(0), new String[] {cells.get(1), cells.size() > 2 ? cells.get(2) : null});
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
        return names;
    }
}

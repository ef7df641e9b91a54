package org.civatlas.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.civatlas.divisions.DivisionImports;
import org.civatlas.divisions.UnitRecord;
import org.civatlas.exchange.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the demo dataset (gis-data/demo) into an empty database on start, through the same readers as a user's
 * import. Idempotent: a database that already holds units is left alone. Off with civatlas.demo-data.enabled=false.
 */
@Component
@Order(10)
class DemoImportRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoImportRunner.class);
    /** Parents before children, so that the parent-code foreign key holds at every insert. */
    private static final List<String> FILES = List.of("counties.geojson", "townships.geojson", "villages.geojson");

    private final DivisionImports imports;
    private final ResourceLoader resources;
    private final boolean enabled;
    private final String location;

    DemoImportRunner(DivisionImports imports, ResourceLoader resources,
            @Value("${civatlas.demo-data.enabled:true}") boolean enabled,
            @Value("${civatlas.demo-data.location:classpath:gis-data/demo/}") String location) {
        this.imports = imports;
        this.resources = resources;
        this.enabled = enabled;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled) {
            log.info("Demo data loading is switched off (civatlas.demo-data.enabled=false)");
            return;
        }
        if (!imports.isEmpty()) {
            log.info("Database already holds administrative units; demo data not loaded");
            return;
        }
        List<UnitRecord> records = new ArrayList<>();
        for (String file : FILES) {
            Path copy = Files.createTempFile("civatlas-demo-", ".geojson");
            try (InputStream in = resources.getResource(location + file).getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                records.addAll(DemoData.read(copy, file));
            } finally {
                Files.deleteIfExists(copy);
            }
        }
        var outcome = imports.write(records, true);
        log.info("Imported {} administrative units of the demo dataset from {}", outcome.created(), location);
    }
}

package org.civatlas.divisions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.civatlas.common.ProblemException;
import org.civatlas.divisions.internal.AdminUnit;
import org.civatlas.divisions.internal.AdminUnitRepository;
import org.civatlas.divisions.internal.GeometryValidity;
import org.civatlas.spatial.Geometries;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes imported units: creates them (the demo dataset into an empty database) or updates their geometry by code
 * (a user's import; the previous version stays in the audit history). Unknown codes are refused, never guessed.
 */
@Service
public class DivisionImports {

    private final AdminUnitRepository units;
    private final ApplicationEventPublisher events;

    DivisionImports(AdminUnitRepository units, ApplicationEventPublisher events) {
        this.units = units;
        this.events = events;
    }

    public record Outcome(int created, int updated) {
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return units.count() == 0;
    }

    @Transactional(readOnly = true)
    public Set<String> existing(Collection<String> codes) {
        return codes.stream().filter(c -> units.findByCode(c).isPresent()).collect(Collectors.toSet());
    }

    /**
     * Creates or updates the units in one transaction: all or nothing. With {@code create} false an unknown code
     * aborts the whole import (409).
     */
    @Transactional
    public Outcome write(List<UnitRecord> records, boolean create) {
        int created = 0;
        int updated = 0;
        List<String> unknown = new ArrayList<>();
        for (UnitRecord r : records) {
            var existing = units.findByCode(r.code());
            AdminUnit unit;
            if (existing.isPresent()) {
                unit = existing.get();
                updated++;
            } else if (create) {
                unit = new AdminUnit(r.code(), r.name(), r.parentCode());
                unit.setGbCode(r.gbCode());
                unit.setNameSource(r.nameSource());
                created++;
            } else {
                unknown.add(r.code());
                continue;
            }
            if (r.population() != null) {
                unit.setPopulation(r.population(), r.populationSynthetic());
            }
            if (r.geometry() != null) {
                var multi = Geometries.toMultiPolygon(r.geometry());
                GeometryValidity validity = r.flaggedInvalidReason() != null
                        ? new GeometryValidity(false, r.flaggedInvalidReason()) : GeometryValidity.of(multi);
                unit.setGeometry(multi, r.geometrySynthetic(), r.geometrySource(), r.crsConversion(), validity);
            }
            units.save(unit);
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, "Unknown unit codes",
                    "文件中有 " + unknown.size() + " 个代码不是已有的行政区划（不作猜测，未导入任何数据）：" + preview(unknown)
                            + " / " + unknown.size() + " codes are not existing units (nothing was imported): "
                            + preview(unknown), "code");
        }
        units.flush();
        if (updated > 0) {
            events.publishEvent(new DivisionsChanged("*"));
        }
        return new Outcome(created, updated);
    }

    private static String preview(List<String> codes) {
        return codes.size() <= 10 ? codes.toString() : codes.subList(0, 10) + " …";
    }
}

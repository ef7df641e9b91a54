package org.civatlas.facilities;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civatlas.common.ProblemException;
import org.civatlas.common.Versions;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.facilities.internal.FacilityEntity;
import org.civatlas.facilities.internal.FacilityEntityRepository;
import org.civatlas.facilities.internal.FacilityTypeEntity;
import org.civatlas.facilities.internal.FacilityTypeRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The facility registry: types, facilities, and their changes (each published as {@link FacilitiesChanged}). */
@Service
@Transactional(readOnly = true)
public class FacilityRegistry {

    private final FacilityEntityRepository facilities;
    private final FacilityTypeRepository types;
    private final DivisionQueries divisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FacilityRegistry(FacilityEntityRepository facilities, FacilityTypeRepository types, DivisionQueries divisions,
            ApplicationEventPublisher events, Optional<Clock> clock) {
        this.facilities = facilities;
        this.types = types;
        this.divisions = divisions;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** A stored facility with what the user should know about it (e.g. it lies outside the county). */
    public record Saved(Facility facility, List<String> warnings) {
    }

    public List<FacilityType> types() {
        return types.findAllByOrderBySortOrder().stream().map(FacilityTypeEntity::toType).toList();
    }

    public Map<String, FacilityType> typesByCode() {
        return types().stream().collect(Collectors.toMap(FacilityType::code, Function.identity()));
    }

    public List<Facility> all() {
        return facilities.findAllByOrderById().stream().map(FacilityEntity::toFacility).toList();
    }

    public Optional<Facility> byId(long id) {
        return facilities.findById(id).map(FacilityEntity::toFacility);
    }

    @Transactional
    public Saved create(FacilityInput input, boolean confirmOutside) {
        return save(new FacilityEntity(false, "entered by staff"), input, confirmOutside);
    }

    @Transactional
    public Saved update(long id, FacilityInput input, boolean confirmOutside) {
        FacilityEntity entity = facilities.findById(id).orElseThrow(() -> unknown(id));
        Versions.require(input.version(), entity.version(), "设施 facility " + id);
        entity.markEnteredByStaff();
        return save(entity, input, confirmOutside);
    }

    @Transactional
    public void delete(long id) {
        FacilityEntity entity = facilities.findById(id).orElseThrow(() -> unknown(id));
        facilities.delete(entity);
        events.publishEvent(new FacilitiesChanged(id));
    }

    /** Loads a facility from a trusted source (the demo dataset), keeping its provenance. */
    @Transactional
    public Facility importFacility(FacilityInput input, boolean synthetic, String source) {
        FacilityEntity entity = new FacilityEntity(synthetic, source);
        entity.apply(input, villageAt(input.lon(), input.lat()));
        Facility saved = facilities.save(entity).toFacility();
        events.publishEvent(new FacilitiesChanged(saved.id()));
        return saved;
    }

    public long count() {
        return facilities.count();
    }

    private Saved save(FacilityEntity entity, FacilityInput input, boolean confirmOutside) {
        List<String> errors = new ArrayList<>();
        if (!typesByCode().containsKey(input.type())) {
            errors.add("未知的设施类型 '" + input.type() + "'，可选：" + String.join(", ", typesByCode().keySet())
                    + " / unknown facility type '" + input.type() + "'");
        }
        errors.addAll(FacilityRules.violations(input, LocalDate.now(clock)));
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", errors));
        }
        String unit = villageAt(input.lon(), input.lat());
        List<String> warnings = new ArrayList<>();
        if (unit == null) {
            if (!confirmOutside) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Location outside the county",
                        "位置（" + input.lon() + ", " + input.lat() + "）不在本县任何村或社区内，请核对位置；如确属县外设施，"
                                + "请确认后保存（confirmOutside=true）。The location lies in no village of the county: "
                                + "check it, or confirm that the facility is outside the county (confirmOutside=true)",
                        "lon");
            }
            warnings.add("位置在本县之外，不计入任何村的覆盖 / the location is outside the county and covers no village "
                    + "by containment");
        }
        entity.apply(input, unit);
        Facility saved = facilities.saveAndFlush(entity).toFacility();
        events.publishEvent(new FacilitiesChanged(saved.id()));
        return new Saved(saved, warnings);
    }

    String villageAt(double lon, double lat) {
        return divisions.containing(lon, lat).stream().filter(d -> d.level() == DivisionLevel.VILLAGE)
                .map(Division::code).findFirst().orElse(null);
    }

    static ProblemException unknown(long id) {
        return ProblemException.notFound("没有编号为 " + id + " 的设施 / no facility with id " + id);
    }
}

package org.civatlas.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.civatlas.common.ProblemException;
import org.civatlas.facilities.Facility;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.facilities.FacilityType;

/**
 * The supply side of coverage questions: the facilities and types as of the facilities' data version, plain records
 * grouped by type, read from the registry once per version (a caller that finds the snapshot stale rebuilds it;
 * others wait for that one rebuild). The version is read before the registry, so a change committed during a
 * rebuild leaves the rebuilt snapshot tagged with the older version, and the next call rebuilds again.
 */
final class FacilityInputs {

    private final FacilityRegistry facilities;
    /** Moved by every {@code FacilitiesChanged}. */
    private final AtomicLong version = new AtomicLong();
    private final Object lock = new Object();
    private volatile FacilitySnapshot snapshot;

    FacilityInputs(FacilityRegistry facilities) {
        this.facilities = facilities;
    }

    /** The registry changed: the next question reads it again. */
    void changed() {
        version.incrementAndGet();
    }

    /** The facility registry in memory: what coverage indicators filter on a cache miss. */
    record FacilitySnapshot(long version, List<FacilityType> types, Map<String, FacilityType> typesByCode,
            Map<String, List<Facility>> byType, int size) {

        static FacilitySnapshot of(long version, List<FacilityType> types, List<Facility> all) {
            Map<String, List<Facility>> byType = all.stream().collect(Collectors.groupingBy(Facility::typeCode,
                    Collectors.toUnmodifiableList()));
            return new FacilitySnapshot(version, List.copyOf(types), Map.copyOf(types.stream().collect(
                    Collectors.toMap(FacilityType::code, Function.identity()))), Map.copyOf(byType), all.size());
        }
    }

    FacilitySnapshot snapshot() {
        FacilitySnapshot s = snapshot;
        if (s != null && s.version() == version.get()) {
            return s;
        }
        synchronized (lock) {
            long current = version.get();
            s = snapshot;
            if (s != null && s.version() == current) {
                return s;
            }
            s = FacilitySnapshot.of(current, facilities.types(), facilities.all());
            snapshot = s;
            return s;
        }
    }

    /** Type codes as given, with any type-group code (e.g. ELDERLY) replaced by the types of that group; sorted. */
    List<String> expandGroups(List<String> typesOrGroups) {
        List<FacilityType> types = snapshot().types();
        List<String> expanded = new ArrayList<>();
        for (String code : typesOrGroups) {
            List<String> ofGroup = types.stream().filter(t -> t.group().equals(code)).map(FacilityType::code)
                    .toList();
            if (ofGroup.isEmpty()) {
                expanded.add(code);
            } else {
                expanded.addAll(ofGroup);
            }
        }
        return expanded.stream().distinct().sorted().toList();
    }

    /** The facilities that count on the date in the scenario, of the given types, in id order. */
    List<Facility> counting(List<String> types, LocalDate asOf, Scenario scenario) {
        Predicate<Facility> counts = scenario == Scenario.WITH_PLANNED
                ? f -> f.operatingOrPlannedOn(asOf) : f -> f.operatingOn(asOf);
        FacilitySnapshot s = snapshot();
        List<Facility> out = new ArrayList<>();
        for (String type : new LinkedHashSet<>(types)) {
            for (Facility f : s.byType().getOrDefault(type, List.of())) {
                if (counts.test(f)) {
                    out.add(f);
                }
            }
        }
        if (types.size() > 1) {
            out.sort(Comparator.comparingLong(Facility::id));
        }
        return out;
    }

    /** At least one type, and every one known (groups already expanded). */
    void requireKnownTypes(List<String> types) {
        if (types.isEmpty()) {
            throw ProblemException.badParameter("types", "请至少选择一种设施类型 / give at least one facility type");
        }
        FacilitySnapshot s = snapshot();
        var known = s.typesByCode().keySet();
        List<String> unknown = types.stream().filter(t -> !known.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badParameter("types", "未知的设施类型 " + unknown + "，可选：" + known
                    + "，或类型组 " + s.types().stream().map(t -> t.group()).distinct().toList()
                    + " / unknown facility types " + unknown);
        }
    }
}

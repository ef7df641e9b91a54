package org.civatlas.places;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civatlas.common.ProblemException;
import org.civatlas.common.Versions;
import org.civatlas.places.internal.PlaceCategoryEntity;
import org.civatlas.places.internal.PlaceCategoryRepository;
import org.civatlas.places.internal.PlaceEntity;
import org.civatlas.places.internal.PlaceRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The gazetteer's records: categories and places, read and edited (names themselves change only by procedure). */
@Service
@Transactional(readOnly = true)
public class PlaceRegistry {

    static final int MAX_TEXT = 4000;

    private final PlaceRepository places;
    private final PlaceCategoryRepository categories;
    private final NameReadings readings;
    private final ApplicationEventPublisher events;

    PlaceRegistry(PlaceRepository places, PlaceCategoryRepository categories, NameReadings readings,
            ApplicationEventPublisher events) {
        this.places = places;
        this.categories = categories;
        this.readings = readings;
        this.events = events;
    }

    public List<PlaceCategory> categories() {
        return categories.findAllByOrderBySortOrder().stream().map(PlaceCategoryEntity::toCategory).toList();
    }

    public Map<String, PlaceCategory> categoriesByCode() {
        return categories().stream().collect(Collectors.toMap(PlaceCategory::code, Function.identity()));
    }

    public PlaceCategory requireCategory(String code) {
        PlaceCategory category = code == null ? null : categoriesByCode().get(code);
        if (category == null) {
            throw ProblemException.badParameter("category", "未知的地名类别 '" + code + "'，可选：" + categoriesByCode()
                    .keySet() + " / unknown category '" + code + "'");
        }
        return category;
    }

    public List<Place> all() {
        return places.findAllByOrderById().stream().map(PlaceEntity::toPlace).toList();
    }

    public Optional<Place> byId(long id) {
        return places.findById(id).map(PlaceEntity::toPlace);
    }

    public Place require(long id) {
        return byId(id).orElseThrow(() -> unknown(id));
    }

    /** Candidates for the duplicate and homophone check: current standard names with their toneless keys. */
    public List<DuplicateCheck.Candidate> duplicateCandidates() {
        List<DuplicateCheck.Candidate> candidates = new ArrayList<>();
        for (Place p : all()) {
            if (p.status() == PlaceStatus.STANDARD) {
                candidates.add(new DuplicateCheck.Candidate(p.id(), p.standardName(),
                        readings.toneless(p.standardName()), p.unitCode()));
            }
        }
        return candidates;
    }

    @Transactional
    public Place edit(long id, PlaceEdit edit) {
        PlaceEntity entity = places.findById(id).orElseThrow(() -> unknown(id));
        Versions.require(edit.version(), entity.getVersion(), "地名 place " + id);
        List<String> errors = new ArrayList<>();
        if (edit.romanized() != null && (edit.romanized().isBlank() || edit.romanized().length() > 200
                || !edit.romanized().matches("[A-Za-zÜüÊêËë' 0-9-]+"))) {
            errors.add("romanized：罗马字母拼写只能含拉丁字母、ü、撇号、空格和数字 / romanized may contain Latin letters, ü, "
                    + "apostrophes, spaces and digits");
        }
        if (edit.uyghurName() != null && !edit.uyghurName().isBlank()) {
            errors.addAll(NameRules.violations("uyghurName", edit.uyghurName()));
        }
        for (var field : Map.of("locationDescription", nullToEmpty(edit.locationDescription()), "meaning",
                nullToEmpty(edit.meaning()), "origin", nullToEmpty(edit.origin()), "history",
                nullToEmpty(edit.history())).entrySet()) {
            if (field.getValue().length() > MAX_TEXT) {
                errors.add(field.getKey() + "：不能超过 " + MAX_TEXT + " 字 / " + field.getKey() + " is longer than "
                        + MAX_TEXT + " characters");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", errors));
        }
        if (edit.category() != null) {
            entity.setCategoryCode(requireCategory(edit.category()).code());
        }
        if (edit.romanized() != null) {
            entity.setRomanized(edit.romanized().strip());
        }
        if (edit.uyghurName() != null) {
            String name = edit.uyghurName().isBlank() ? null : edit.uyghurName().strip();
            String latin = edit.uyghurLatin() != null && !edit.uyghurLatin().isBlank() ? edit.uyghurLatin().strip()
                    : name == null ? null : readings.uyghurLatin(name);
            entity.setUyghur(name, latin);
        }
        entity.setDescriptions(edit.locationDescription(), edit.meaning(), edit.origin(), edit.history());
        if (edit.protectedName() != null) {
            entity.setProtectedName(edit.protectedName());
        }
        Place saved = places.saveAndFlush(entity).toPlace();
        events.publishEvent(new PlacesChanged(id));
        return saved;
    }

    /** The name a place bore on a day: its standard name then, or the former name in use then, or null. */
    public static String nameOn(Place place, LocalDate day) {
        if (place.standardOn(day)) {
            return place.standardName();
        }
        return place.altNames().stream().filter(a -> a.kind() == AltNameKind.FORMER)
                .filter(a -> (a.validFrom() == null || !a.validFrom().isAfter(day))
                        && (a.validTo() == null || a.validTo().isAfter(day)))
                .map(AltName::name).findFirst().orElse(null);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static ProblemException unknown(long id) {
        return ProblemException.notFound("没有编号为 " + id + " 的地名 / no place with id " + id);
    }
}

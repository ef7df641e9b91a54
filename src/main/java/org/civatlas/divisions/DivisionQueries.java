package org.civatlas.divisions;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.civatlas.divisions.internal.AdminUnit;
import org.civatlas.divisions.internal.AdminUnitRepository;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to administrative units: by code, hierarchy, point and bounding box. */
@Service
@Transactional(readOnly = true)
public class DivisionQueries {

    private final AdminUnitRepository units;
    private final EntityManager entityManager;

    DivisionQueries(AdminUnitRepository units, EntityManager entityManager) {
        this.units = units;
        this.entityManager = entityManager;
    }

    public Optional<Division> byCode(String code) {
        return units.findByCode(code).map(AdminUnit::toDivision);
    }

    public List<Division> children(String code) {
        return units.findByParentCodeOrderByCode(code).stream().map(AdminUnit::toDivision).toList();
    }

    /**
     * The units of a level that lie under the unit (by the hierarchical code: a county's villages share its first
     * 6 digits, a township's its first 9), ordered by code. The unit itself when it is of that level.
     */
    public List<Division> descendants(String code, DivisionLevel level) {
        DivisionCodes.requireValid(code);
        String prefix = DivisionCodes.significantPrefix(code);
        return entityManager.createQuery("select u from AdminUnit u where u.level = :level and u.code like :prefix "
                        + "order by u.code", AdminUnit.class)
                .setParameter("level", level).setParameter("prefix", prefix + "%")
                .getResultList().stream().map(AdminUnit::toDivision).toList();
    }

    /** The unit's ancestors, nearest first (township, then county). */
    public List<Division> ancestors(String code) {
        List<Division> ancestors = new ArrayList<>();
        Optional<AdminUnit> current = units.findByCode(code);
        while (current.isPresent() && current.get().getParentCode() != null && ancestors.size() < 10) {
            current = units.findByCode(current.get().getParentCode());
            current.map(AdminUnit::toDivision).ifPresent(ancestors::add);
        }
        return ancestors;
    }

    /** Every unit, of any level, whose area contains the point, from county down to village. */
    public List<Division> containing(double lon, double lat) {
        List<Division> result = new ArrayList<>(units.findIntersecting(Geometries.point(lon, lat)).stream()
                .map(AdminUnit::toDivision).toList());
        result.sort((a, b) -> a.level().compareTo(b.level()));
        return Collections.unmodifiableList(result);
    }

    public long count(DivisionLevel level, Envelope bbox) {
        TypedQuery<Long> query = entityManager.createQuery(
                "select count(u) from AdminUnit u where u.level = :level" + bboxClause(bbox), Long.class);
        query.setParameter("level", level);
        bindBbox(query, bbox);
        return query.getSingleResult();
    }

    /** A page of units of one level, ordered by code, optionally only those intersecting the bounding box. */
    public List<Division> page(DivisionLevel level, Envelope bbox, int offset, int limit) {
        TypedQuery<AdminUnit> query = entityManager.createQuery(
                "select u from AdminUnit u where u.level = :level" + bboxClause(bbox) + " order by u.code",
                AdminUnit.class);
        query.setParameter("level", level);
        bindBbox(query, bbox);
        query.setFirstResult(offset);
        query.setMaxResults(limit);
        return query.getResultList().stream().map(AdminUnit::toDivision).toList();
    }

    /**
     * The same page as {@link #page}, handed over one unit at a time with its geometry as GeoJSON text the database
     * writes ({@code decimals} after the point): nothing of the page is held at once, and no geometry is decoded.
     * The page's codes are chosen first, so that only the page's own rows are turned into text (a plain
     * {@code LIMIT … OFFSET} query would also convert every row it skips).
     */
    public void forEachGeoJsonInPage(DivisionLevel level, Envelope bbox, int offset, int limit, int decimals,
            Consumer<DivisionGeoJson> action) {
        TypedQuery<DivisionGeoJson> query = entityManager.createQuery("select new org.civatlas.divisions."
                + "DivisionGeoJson(u.code, u.gbCode, u.name, u.level, u.kind, u.urbanRural, u.parentCode, "
                + "u.population, u.populationSynthetic, u.geometrySynthetic, u.geometrySource, u.crsConversion, "
                + "u.nameSource, u.geometryValid, u.geometryInvalidReason, u.version, "
                + "cast(function('ST_AsGeoJSON', u.geometry, " + decimals + ") as String)) "
                + "from AdminUnit u where u.code in (select p.code from AdminUnit p where p.level = :level"
                + bboxClause(bbox).replace("u.geometry", "p.geometry")
                + " order by p.code limit :limit offset :offset) order by u.code", DivisionGeoJson.class);
        query.setParameter("level", level);
        bindBbox(query, bbox);
        query.setParameter("limit", limit);
        query.setParameter("offset", offset);
        query.setHint("org.hibernate.fetchSize", 25);
        try (Stream<DivisionGeoJson> units = query.getResultStream()) {
            units.forEach(action);
        }
    }

    /** The extent of all units of a level, or null when there are none. */
    public Envelope extent(DivisionLevel level) {
        Envelope extent = new Envelope();
        entityManager.createQuery("select u.geometry from AdminUnit u where u.level = :level and u.geometry is not null",
                Geometry.class).setParameter("level", level).getResultList()
                .forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
        return extent.isNull() ? null : extent;
    }

    private static String bboxClause(Envelope bbox) {
        return bbox == null ? "" : " and st_intersects(u.geometry, :bbox) = true";
    }

    private static void bindBbox(TypedQuery<?> query, Envelope bbox) {
        if (bbox != null) {
            query.setParameter("bbox", Geometries.rectangle(bbox.getMinX(), bbox.getMinY(), bbox.getMaxX(),
                    bbox.getMaxY()));
        }
    }
}

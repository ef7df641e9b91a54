package org.civatlas.divisions.internal;

import java.util.List;
import java.util.Optional;
import org.civatlas.divisions.DivisionLevel;
import org.locationtech.jts.geom.Geometry;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AdminUnitRepository extends JpaRepository<AdminUnit, Long> {

    Optional<AdminUnit> findByCode(String code);

    List<AdminUnit> findByParentCodeOrderByCode(String parentCode);

    long countByLevel(DivisionLevel level);

    /** Units whose area contains the point; the polygon test is done by the database (Hibernate Spatial). */
    @Query("select u from AdminUnit u where st_intersects(u.geometry, :point) = true order by u.code")
    List<AdminUnit> findIntersecting(@Param("point") Geometry point);
}

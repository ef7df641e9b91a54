package org.civatlas.places.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlaceRepository extends JpaRepository<PlaceEntity, Long> {

    /** Every place with its other names in one query (not one query per place). */
    @org.springframework.data.jpa.repository.Query(
            "select distinct p from PlaceEntity p left join fetch p.altNames order by p.id")
    List<PlaceEntity> findAllByOrderById();

    boolean existsByDivisionCode(String divisionCode);
}

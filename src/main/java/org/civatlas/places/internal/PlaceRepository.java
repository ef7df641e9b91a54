package org.civatlas.places.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlaceRepository extends JpaRepository<PlaceEntity, Long> {

    List<PlaceEntity> findAllByOrderById();

    boolean existsByDivisionCode(String divisionCode);
}

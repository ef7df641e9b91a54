package org.civatlas.places.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlaceCategoryRepository extends JpaRepository<PlaceCategoryEntity, String> {

    List<PlaceCategoryEntity> findAllByOrderBySortOrder();
}

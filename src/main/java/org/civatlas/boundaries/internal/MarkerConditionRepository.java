package org.civatlas.boundaries.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MarkerConditionRepository extends JpaRepository<MarkerConditionEntity, Long> {

    List<MarkerConditionEntity> findByMarkerIdOrderById(Long markerId);
}

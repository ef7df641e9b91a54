package org.civatlas.boundaries.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InspectionRepository extends JpaRepository<InspectionEntity, Long> {

    List<InspectionEntity> findByLineCodeOrderByInspectedOn(String lineCode);

    List<InspectionEntity> findAllByOrderByInspectedOn();
}

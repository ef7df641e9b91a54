package org.civatlas.boundaries.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BoundaryLineRepository extends JpaRepository<BoundaryLineEntity, Long> {

    List<BoundaryLineEntity> findByValidToIsNullOrderByLineCode();

    List<BoundaryLineEntity> findByLineCodeOrderById(String lineCode);
}

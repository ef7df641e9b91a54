package org.civatlas.boundaries.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DisputeRepository extends JpaRepository<DisputeEntity, Long> {

    List<DisputeEntity> findAllByOrderByIdDesc();
}

package org.civatlas.coverage.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanTargetRepository extends JpaRepository<PlanTargetEntity, String> {

    List<PlanTargetEntity> findAllByOrderById();
}

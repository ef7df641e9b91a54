package org.civatlas.coverage.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanningRunRepository extends JpaRepository<PlanningRunEntity, Long> {

    List<PlanningRunEntity> findTop50ByOrderByIdDesc();
}

package org.civatlas.boundaries.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DisputeEventRepository extends JpaRepository<DisputeEventEntity, Long> {

    List<DisputeEventEntity> findByDisputeIdOrderById(Long disputeId);
}

package org.civatlas.boundaries.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DisputeLineRepository extends JpaRepository<DisputeLineEntity, Long> {

    List<DisputeLineEntity> findByDisputeIdOrderById(Long disputeId);
}

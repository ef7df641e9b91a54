package org.civatlas.places.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NamingStepRepository extends JpaRepository<NamingStepEntity, Long> {

    List<NamingStepEntity> findByCaseIdOrderById(Long caseId);
}

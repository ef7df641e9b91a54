package org.civatlas.places.internal;

import java.util.List;
import org.civatlas.places.NamingState;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NamingCaseRepository extends JpaRepository<NamingCaseEntity, Long> {

    List<NamingCaseEntity> findAllByOrderByIdDesc();

    List<NamingCaseEntity> findByStateOrderByApprovedOnDesc(NamingState state);
}

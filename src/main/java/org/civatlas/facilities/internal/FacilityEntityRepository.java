package org.civatlas.facilities.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FacilityEntityRepository extends JpaRepository<FacilityEntity, Long> {

    List<FacilityEntity> findAllByOrderById();
}

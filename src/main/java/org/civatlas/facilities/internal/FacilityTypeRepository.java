package org.civatlas.facilities.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FacilityTypeRepository extends JpaRepository<FacilityTypeEntity, String> {

    List<FacilityTypeEntity> findAllByOrderBySortOrder();
}

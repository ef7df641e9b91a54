package org.civatlas.facilities.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FacilityEntityRepository extends JpaRepository<FacilityEntity, Long> {

    List<FacilityEntity> findAllByOrderById();

    Optional<FacilityEntity> findByExternalId(String externalId);

    List<FacilityEntity> findByTypeCodeAndNameAndExternalIdIsNull(String typeCode, String name);
}

package org.civatlas.boundaries.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MarkerRepository extends JpaRepository<MarkerEntity, Long> {

    List<MarkerEntity> findAllByOrderByNumber();

    List<MarkerEntity> findByLineCodeOrderByNumber(String lineCode);

    long countByLineCode(String lineCode);
}

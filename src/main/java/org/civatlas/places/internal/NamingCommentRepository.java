package org.civatlas.places.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NamingCommentRepository extends JpaRepository<NamingCommentEntity, Long> {

    List<NamingCommentEntity> findByCaseIdOrderById(Long caseId);
}

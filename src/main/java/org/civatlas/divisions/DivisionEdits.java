package org.civatlas.divisions;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.civatlas.audit.AuditRevision;
import org.civatlas.common.ProblemException;
import org.civatlas.common.Versions;
import org.civatlas.divisions.internal.AdminUnit;
import org.civatlas.divisions.internal.AdminUnitRepository;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to units' attributes, each recorded with who and when (Envers), and their history. */
@Service
public class DivisionEdits {

    private final AdminUnitRepository units;
    private final EntityManager entityManager;

    private final ApplicationEventPublisher events;

    DivisionEdits(AdminUnitRepository units, EntityManager entityManager, ApplicationEventPublisher events) {
        this.units = units;
        this.entityManager = entityManager;
        this.events = events;
    }

    @Transactional
    public Division update(String code, DivisionUpdate update) {
        AdminUnit unit = units.findByCode(code).orElseThrow(() -> unknown(code));
        if (update.name() == null && update.population() == null) {
            throw ProblemException.badRequest("没有要修改的字段：请给出 name 或 population / nothing to change: "
                    + "give name or population");
        }
        Versions.require(update.version(), unit.version(), "区划 unit " + code);
        return apply(unit, update);
    }

    /**
     * The unit takes the standard name published by a renaming case (the procedure is the check, not a version the
     * officer loaded; a concurrent edit of the unit still fails at commit and is answered with a 409).
     */
    @Transactional
    public Division rename(String code, String name) {
        return apply(units.findByCode(code).orElseThrow(() -> unknown(code)), new DivisionUpdate(name, null, null));
    }

    private Division apply(AdminUnit unit, DivisionUpdate update) {
        String code = unit.getCode();
        if (update.name() != null) {
            unit.setName(update.name().strip());
        }
        if (update.population() != null) {
            // A population entered by staff is an observation, no longer synthetic.
            unit.setPopulation(update.population(), false);
        }
        Division saved = units.saveAndFlush(unit).toDivision();
        events.publishEvent(new DivisionsChanged(code));
        return saved;
    }

    /** Every recorded version of the unit, oldest first. */
    @Transactional(readOnly = true)
    public List<DivisionChange> history(String code) {
        AdminUnit unit = units.findByCode(code).orElseThrow(() -> unknown(code));
        Long id = (Long) entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(unit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(AdminUnit.class, false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        return rows.stream().map(row -> {
            Division version = ((AdminUnit) row[0]).toDivision();
            AuditRevision revision = (AuditRevision) row[1];
            return new DivisionChange(revision.getId(), revision.getTime(), revision.getUsername(),
                    ((RevisionType) row[2]).name(), version.name(), version.population(),
                    version.populationSynthetic());
        }).toList();
    }

    static ProblemException unknown(String code) {
        return ProblemException.notFound("没有代码为 " + code + " 的行政区划 / no administrative unit with code " + code);
    }
}

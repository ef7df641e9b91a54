package org.civatlas.audit;

import org.civatlas.common.CurrentUser;
import org.hibernate.envers.RevisionListener;

/** Stamps each revision with the authenticated user, or "system" for start-up tasks such as the demo load. */
public class CurrentUserRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        ((AuditRevision) revisionEntity).setUsername(CurrentUser.name());
    }
}

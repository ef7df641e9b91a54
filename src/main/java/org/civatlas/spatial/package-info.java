/**
 * Shared spatial basics: the one geometry factory (SRID 4326), China's offset datums (GCJ-02, BD-09).
 * Plain Java over JTS; no Spring beans needed to use it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.civatlas.spatial;

package org.civatlas.facilities;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a facility; capacity details only for staff (any logged-in role). */
public final class FacilityJson {

    private FacilityJson() {
    }

    public static Map<String, Object> of(Facility f, boolean staff) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", f.id());
        p.put("name", f.name());
        p.put("type", f.typeCode());
        p.put("operator", f.operator());
        p.put("status", f.status());
        p.put("statusLabel", f.status().label());
        p.put("unitCode", f.unitCode());
        p.put("lon", f.location().getX());
        p.put("lat", f.location().getY());
        p.put("synthetic", f.synthetic());
        p.put("source", f.source());
        p.put("externalId", f.externalId());
        if (staff) {
            p.put("plannedOn", f.plannedOn());
            p.put("constructionStartedOn", f.constructionStartedOn());
            p.put("openedOn", f.openedOn());
            p.put("closedOn", f.closedOn());
            p.put("beds", f.beds());
            p.put("nursingBeds", f.nursingBeds());
            p.put("floorAreaM2", f.floorAreaM2());
            p.put("staff", f.staff());
            p.put("version", f.version());
        }
        return p;
    }
}

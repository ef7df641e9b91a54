package org.civatlas.facilities.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.civatlas.facilities.FacilityType;

@Entity
@Table(name = "facility_type")
public class FacilityTypeEntity {

    @Id
    private String code;
    private String groupCode;
    private String nameZh;
    private String nameEn;
    private boolean hasBeds;
    private int sortOrder;

    protected FacilityTypeEntity() {
    }

    public FacilityType toType() {
        return new FacilityType(code, groupCode, nameZh, nameEn, hasBeds);
    }
}

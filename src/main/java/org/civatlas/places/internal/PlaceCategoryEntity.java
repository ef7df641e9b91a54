package org.civatlas.places.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.civatlas.places.PlaceCategory;

@Entity
@Table(name = "place_category")
public class PlaceCategoryEntity {

    @Id
    private String code;
    private String parentCode;
    private String nameZh;
    private String nameEn;
    private String duplicateScope;
    private String romanizeAs;
    private int sortOrder;

    protected PlaceCategoryEntity() {
    }

    public PlaceCategory toCategory() {
        return new PlaceCategory(code, parentCode, nameZh, nameEn, duplicateScope, romanizeAs);
    }
}

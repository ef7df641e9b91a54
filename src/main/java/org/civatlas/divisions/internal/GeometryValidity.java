package org.civatlas.divisions.internal;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** JTS's verdict on a geometry: valid, or the reason and location of the first error. */
public record GeometryValidity(boolean valid, String reason) {

    public static GeometryValidity of(Geometry geometry) {
        if (geometry == null) {
            return new GeometryValidity(true, null);
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error == null) {
            return new GeometryValidity(true, null);
        }
        return new GeometryValidity(false, error.getMessage() + " at (" + error.getCoordinate().x + ", "
                + error.getCoordinate().y + ")");
    }
}

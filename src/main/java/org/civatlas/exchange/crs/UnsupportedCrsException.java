package org.civatlas.exchange.crs;

/** Thrown when a coordinate reference system code or definition is not one of those {@link Crs} supports. */
public class UnsupportedCrsException extends IllegalArgumentException {

    public UnsupportedCrsException(String message) {
        super(message);
    }
}

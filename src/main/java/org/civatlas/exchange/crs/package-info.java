/** Coordinate reference systems of Chinese data: EPSG geographic and Gauss-Krüger/UTM, and GCJ-02/BD-09. */
@org.springframework.modulith.NamedInterface("crs")
package org.civatlas.exchange.crs;

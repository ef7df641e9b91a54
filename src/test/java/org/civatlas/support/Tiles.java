package org.civatlas.support;

import org.locationtech.jts.geom.Point;

/** Tile addresses as a map client computes them (Web Mercator, XYZ). */
public final class Tiles {

    private Tiles() {
    }

    /** The path of the vector tile of a collection that holds the point at zoom z. */
    public static String path(String collection, Point at, int z) {
        double n = Math.pow(2, z);
        int x = (int) Math.floor((at.getX() + 180) / 360 * n);
        double lat = Math.toRadians(at.getY());
        int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
        return "/tiles/" + collection + "/" + z + "/" + x + "/" + y + ".mvt";
    }
}

package org.civatlas.layers;

import org.civatlas.common.ProblemException;
import org.locationtech.jts.geom.Envelope;

/**
 * The parsed and checked query parameters of an items request. Bad values are the user's error and
 * answered with a 400 that names the parameter; a limit above the maximum is clamped (OGC API allows it).
 */
record ItemsQuery(Envelope bbox, int limit, int offset, boolean limitClamped) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 1000;

    static ItemsQuery parse(String bbox, String limit, String offset) {
        return parse(bbox == null ? null : bbox(bbox), limit, offset);
    }

    static ItemsQuery parse(Envelope bbox, String limit, String offset) {
        int parsedLimit = limit == null ? DEFAULT_LIMIT : integer("limit", limit, 1);
        int parsedOffset = offset == null ? 0 : integer("offset", offset, 0);
        return new ItemsQuery(bbox, Math.min(parsedLimit, MAX_LIMIT), parsedOffset, parsedLimit > MAX_LIMIT);
    }

    /** A bbox in another CRS's units and axis order: four finite numbers, min ≤ max; no degree ranges. */
    static Envelope projectedBbox(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 4) {
            throw badBbox(value, "需要 4 个数 / expected four numbers");
        }
        double[] n = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw badBbox(value, "'" + parts[i] + "' 不是数字 / is not a number");
            }
            if (!Double.isFinite(n[i])) {
                throw badBbox(value, "'" + parts[i] + "' 不是有限数 / is not a finite number");
            }
        }
        if (n[0] > n[2] || n[1] > n[3]) {
            throw badBbox(value, "最小值大于最大值 / a minimum is greater than its maximum");
        }
        return new Envelope(n[0], n[2], n[1], n[3]);
    }

    private static int integer(String name, String value, int min) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badParameter(name, name + " 须为不小于 " + min + " 的整数 / " + name
                + " must be a whole number of at least " + min + ", got '" + value + "'");
    }

    static Envelope bbox(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw badBbox(value, "需要 4 个数 minLon,minLat,maxLon,maxLat / expected four numbers "
                    + "minLon,minLat,maxLon,maxLat");
        }
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw badBbox(value, "'" + parts[i] + "' 不是数字 / is not a number");
            }
            if (!Double.isFinite(n[i])) {
                throw badBbox(value, "'" + parts[i] + "' 不是有限数 / is not a finite number");
            }
        }
        // With six numbers the 3rd and 6th are heights, which a 2D layer ignores.
        double minX = n[0];
        double minY = n[1];
        double maxX = parts.length == 4 ? n[2] : n[3];
        double maxY = parts.length == 4 ? n[3] : n[4];
        if (minX < -180 || maxX > 180 || minY < -90 || maxY > 90) {
            throw badBbox(value, "经度须在 -180..180、纬度须在 -90..90 / longitudes must lie in -180..180 and "
                    + "latitudes in -90..90 (CRS84 order: lon,lat)");
        }
        if (minY > maxY) {
            throw badBbox(value, "最小纬度大于最大纬度 / minimum latitude is greater than maximum latitude");
        }
        if (minX > maxX) {
            throw badBbox(value, "最小经度大于最大经度（跨 180° 经线的范围不受支持）/ minimum longitude is greater "
                    + "than maximum longitude (boxes across the antimeridian are not supported)");
        }
        return new Envelope(minX, maxX, minY, maxY);
    }

    private static ProblemException badBbox(String value, String why) {
        return ProblemException.badParameter("bbox", "bbox='" + value + "'：" + why);
    }
}

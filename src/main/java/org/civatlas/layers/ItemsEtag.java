package org.civatlas.layers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * The ETag of an items page, known before the page is read: a repeated request for unchanged data is a 304 without
 * reading the data again. Weak (the body also carries a time stamp): same data version, request, kind of client,
 * media type and day (valid time moves with the date) → same tag.
 */
final class ItemsEtag {

    private ItemsEtag() {
    }

    static String of(long dataVersion, String requestUri, String queryString, boolean staff, String mediaType,
            LocalDate day) {
        String key = dataVersion + "|" + requestUri + "?" + queryString + "|" + (staff ? "staff" : "public") + "|"
                + mediaType + "|" + day;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

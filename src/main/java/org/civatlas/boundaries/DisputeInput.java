package org.civatlas.boundaries;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A dispute as logged: the two parties, where (a GeoJSON point, line or area), what, and the lines in question. */
public record DisputeInput(String title, String partyA, String partyB, JsonNode location, String description,
        List<LineInput> lines) {

    public record LineInput(String kind, JsonNode geometry, String remarks) {
    }
}

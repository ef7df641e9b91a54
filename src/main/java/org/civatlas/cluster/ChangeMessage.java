package org.civatlas.cluster;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payload of a change notification on the channel {@value #CHANNEL}: the node that made the change, the kind,
 * the key and the kind's stored data version after the change (a counter: clocks of nodes play no part).
 */
record ChangeMessage(String node, ChangeKind kind, String key, long version) {

    static final String CHANNEL = "civatlas_changes";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    String toJson() {
        var o = JSON.createObjectNode();
        o.put("node", node);
        o.put("kind", kind.id);
        o.put("key", key);
        o.put("version", version);
        return JSON.writeValueAsString(o);
    }

    /** The message, or empty when the payload is not one of ours (not JSON, a field missing, an unknown kind). */
    static Optional<ChangeMessage> parse(String payload) {
        if (payload == null || payload.length() > 4000) {
            return Optional.empty();
        }
        JsonNode o;
        try {
            o = JSON.readTree(payload);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (o == null || !o.isObject() || !o.path("node").isString() || !o.path("kind").isString()
                || !o.path("key").isString() || !o.path("version").isIntegralNumber()
                || o.path("node").asString().isBlank()) {
            return Optional.empty();
        }
        return ChangeKind.byId(o.path("kind").asString()).map(kind -> new ChangeMessage(o.path("node").asString(),
                kind, o.path("key").asString(), o.path("version").asLong()));
    }
}

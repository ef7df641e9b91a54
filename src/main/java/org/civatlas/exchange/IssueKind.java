package org.civatlas.exchange;

import com.fasterxml.jackson.annotation.JsonValue;
import org.civatlas.facilities.FacilityImports;

/**
 * What kind of problem a feature of an import has, as the preview lists it. The JSON name ({@link #code()}) is what
 * the web page's import wizard knows (web/js/exchange.js, PROBLEM_KINDS); it never changes with the constant's name.
 */
public enum IssueKind {
    // reading a feature, any layer
    UNREADABLE("unreadable"),
    NO_GEOMETRY("no-geometry"),
    CRS("crs"),
    WRONG_TYPE("wrong-type"),
    // division layers
    INVALID("invalid"),
    NO_CODE("no-code"),
    DUPLICATE_CODE("duplicate-code"),
    UNKNOWN_CODE("unknown-code"),
    // facilities: values that cannot be read, then what the facilities module's check finds
    BAD_STATUS("bad-status"),
    BAD_VALUE("bad-value"),
    BAD_NUMBER("bad-number"),
    BAD_DATE("bad-date"),
    UNKNOWN_TYPE("unknown-type"),
    NO_NAME("no-name"),
    NEGATIVE("negative"),
    RULES("rules"),
    DUPLICATE_KEY("duplicate-key"),
    UNKNOWN_ATLAS_ID("unknown-atlas-id"),
    AMBIGUOUS("ambiguous");

    private final String code;

    IssueKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The kind under which the preview shows an issue the facilities module found. */
    static IssueKind of(FacilityImports.IssueKind kind) {
        return switch (kind) {
            case NO_NAME -> NO_NAME;
            case BAD_VALUE -> BAD_VALUE;
            case UNKNOWN_TYPE -> UNKNOWN_TYPE;
            case MISSING_STATUS -> BAD_STATUS;
            case NEGATIVE -> NEGATIVE;
            case RULES -> RULES;
            case BAD_LOCATION -> CRS;
            case DUPLICATE_KEY -> DUPLICATE_KEY;
            case UNKNOWN_ATLAS_ID -> UNKNOWN_ATLAS_ID;
            case AMBIGUOUS -> AMBIGUOUS;
        };
    }
}

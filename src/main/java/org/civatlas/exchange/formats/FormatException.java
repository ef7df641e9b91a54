package org.civatlas.exchange.formats;

/**
 * The file cannot be read. The message says what is wrong and what to do about it, in Chinese and English
 * ("中文 / English"), and is meant to be shown to the user as is.
 */
public class FormatException extends Exception {

    private final String field;

    /**
     * @param zh    the message in Chinese
     * @param en    the same message in English
     * @param field the part of the input concerned (a file or zip entry, a column, a feature index, "encoding" ...),
     *              or null
     */
    public FormatException(String zh, String en, String field) {
        this(zh, en, field, null);
    }

    public FormatException(String zh, String en, String field, Throwable cause) {
        super(zh + " / " + en, cause);
        this.field = field;
    }

    /** The part of the input the problem concerns, or null. */
    public String field() {
        return field;
    }
}

package org.civatlas.exchange.formats;

/** Thrown by {@link FeatureReader#next()}/{@link FeatureReader#hasNext()}; {@link #getCause()} is the {@link FormatException}. */
public class UncheckedFormatException extends RuntimeException {

    public UncheckedFormatException(FormatException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized FormatException getCause() {
        return (FormatException) super.getCause();
    }
}

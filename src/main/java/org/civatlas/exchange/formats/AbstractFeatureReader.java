package org.civatlas.exchange.formats;

import java.util.NoSuchElementException;

/** Look-ahead and feature-count limit shared by the readers. */
abstract class AbstractFeatureReader implements FeatureReader {

    private final int maxFeatures;
    private SourceFeature next;
    private boolean done;
    private long returned;

    AbstractFeatureReader(ReadOptions options) {
        this.maxFeatures = options.maxFeatures();
    }

    /** Reads the next feature, or returns null at the end of the data. */
    protected abstract SourceFeature readNext() throws FormatException;

    @Override
    public final boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            next = readNext();
        } catch (FormatException e) {
            done = true;
            throw new UncheckedFormatException(e);
        }
        if (next == null) {
            done = true;
            return false;
        }
        if (maxFeatures > 0 && returned >= maxFeatures) {
            done = true;
            next = null;
            throw new UncheckedFormatException(new FormatException(
                    "要素数量超过上限 " + maxFeatures + "，请拆分文件后分批导入",
                    "The file has more than " + maxFeatures + " features (the limit): split it and import the parts",
                    "file"));
        }
        return true;
    }

    @Override
    public final SourceFeature next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceFeature f = next;
        next = null;
        returned++;
        return f;
    }
}

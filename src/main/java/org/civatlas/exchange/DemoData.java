package org.civatlas.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.civatlas.divisions.UnitRecord;
import org.civatlas.exchange.formats.FeatureReader;
import org.civatlas.exchange.formats.FormatException;
import org.civatlas.exchange.formats.ReadOptions;
import org.civatlas.exchange.formats.Readers;

/** Reads a file of the demo dataset through the exchange readers. */
public final class DemoData {

    private DemoData() {
    }

    public static List<UnitRecord> read(Path file, String name) throws IOException {
        try (FeatureReader reader = Readers.open(file, name, ReadOptions.defaults())) {
            return DivisionFeatures.demoRecords(reader);
        } catch (FormatException e) {
            throw new IOException("Demo data " + name + " is not readable: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IOException("Demo data " + name + ": " + e.getMessage(), e);
        }
    }
}

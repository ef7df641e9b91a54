package org.civatlas.places.romanization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/** The romanisation's data files: tab-separated lines; blank lines and {@code #} comments are skipped. */
final class TsvData {

    /** One data line: its 1-based number in the file (for messages), the line, and its tab-separated fields. */
    interface DataLine {
        void accept(int number, String line, String[] fields);
    }

    private TsvData() {
    }

    static void forEachDataLine(Reader reader, DataLine action) throws IOException {
        BufferedReader r = new BufferedReader(reader);
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            action.accept(no, line, line.split("\t"));
        }
    }
}

package org.civatlas.places.romanization;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of the search keys (toneless pinyin and initials) that the gazetteer index computes for every name:
 * the national village names when the seed data is beside the repository, else the Shule names repeated to
 * 600,000. Was a timing assertion in NameKeysTest; a benchmark because wall-clock figures depend on the machine.
 */
public final class NameKeysBenchmark {

    private NameKeysBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path villages = TestData.nationalFile("villages");
        List<String> names;
        String source;
        if (villages != null) {
            names = TestData.nationalNames(villages);
            source = "national village names";
        } else {
            List<String> shule = TestData.shuleNames();
            names = new ArrayList<>();
            while (names.size() < 600_000) {
                names.addAll(shule);
            }
            source = "Shule names repeated";
        }
        long sink = 0;
        for (int i = 0; i < 200_000; i++) { // warm-up
            String n = names.get(i % names.size());
            sink += NameKeys.toneless(n).length() + NameKeys.initials(n).length();
        }
        long t0 = System.nanoTime();
        for (String n : names) {
            sink += NameKeys.toneless(n).length() + NameKeys.initials(n).length();
        }
        long t1 = System.nanoTime();
        double perSecond = names.size() / ((t1 - t0) / 1e9);
        System.out.printf("NameKeys toneless+initials: %d %s in %.0f ms = %.0f names/s (sink %d)%n",
                names.size(), source, (t1 - t0) / 1e6, perSecond, sink);
        // the target is 200,000 names/s
        System.out.printf("%s (target 200,000 names/s)%n", perSecond >= 200_000 ? "target met" : "BELOW TARGET");
    }
}

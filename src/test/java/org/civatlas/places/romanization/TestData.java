package org.civatlas.places.romanization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** Names for the tests: the Shule source files in the repository, the national seed files when present. */
final class TestData {

    private static final Pattern NAME = Pattern.compile("^[^,]*,\"([^\"]*)\"");

    private TestData() {
    }

    static Path repoRoot() {
        String env = System.getenv("CIVATLAS_REPO_ROOT");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("").toAbsolutePath();
    }

    /** The county name and its 16 township-level and 251 village-level names (268). */
    static List<String> shuleNames() throws IOException {
        List<String> names = new ArrayList<>();
        names.add("疏勒县");
        Path source = repoRoot().resolve("gis-data/source");
        names.addAll(names(Files.newInputStream(source.resolve("townships.csv"))));
        names.addAll(names(Files.newInputStream(source.resolve("villages.csv"))));
        return names;
    }

    /** A national seed file (china-divisions-*.csv.gz) beside the repository, or null when absent. */
    static Path nationalFile(String which) {
        Path p = repoRoot().toAbsolutePath().getParent().resolve("shared/gis-seed/china-divisions-" + which + ".csv.gz");
        return Files.isRegularFile(p) ? p : null;
    }

    static List<String> nationalNames(Path gz) throws IOException {
        return names(new GZIPInputStream(Files.newInputStream(gz)));
    }

    private static List<String> names(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                Matcher m = NAME.matcher(line);
                if (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }
}

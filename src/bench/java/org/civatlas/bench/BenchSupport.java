package org.civatlas.bench;

import java.io.Reader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Helpers the national benchmarks share: arguments, logging, heap, the benchmark database, seed-file rows. */
public final class BenchSupport {

    private BenchSupport() {
    }

    public static void log(long t0, String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - t0) / 1e9,
                String.format(Locale.ROOT, format, args));
    }

    public static Connection openBenchDatabase(String url, String user) throws SQLException {
        return openBenchDatabase(url, user, "");
    }

    /** Connects to the benchmark database, creating it first ({@code CREATE DATABASE "db" createOptions}) if missing. */
    public static Connection openBenchDatabase(String url, String user, String createOptions) throws SQLException {
        try {
            return DriverManager.getConnection(url, user, "");
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) { // invalid_catalog_name: database does not exist
                throw e;
            }
        }
        try (Connection admin = DriverManager.getConnection(adminUrl(url), user, "");
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + quotedName(url) + createOptions);
        }
        return DriverManager.getConnection(url, user, "");
    }

    /** Drops the benchmark database if it is there (closing its connections) and creates it empty. */
    public static void recreateDatabase(String url, String user) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl(url), user, "");
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + quotedName(url) + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + quotedName(url));
        }
    }

    /** The same server's {@code postgres} database, for creating and dropping others. */
    private static String adminUrl(String url) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : url.substring(query));
    }

    private static String quotedName(String url) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String db = url.substring(slash + 1, query < 0 ? url.length() : query);
        return "\"" + db.replace("\"", "\"\"") + "\"";
    }

    /** Sorted copy of timings (nanoseconds). */
    public static long[] sorted(java.util.Collection<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        java.util.Arrays.sort(a);
        return a;
    }

    /** Nearest-rank percentile ({@code p} in 0..100) of a sorted array; 0 when empty. */
    public static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static double sum(long[] a) {
        double s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }

    public static double ms(double nanos) {
        return nanos / 1e6;
    }

    public static Map<String, String> parseArgs(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                out.put(key, args[++i]);
            } else {
                out.put(key, "true");
            }
        }
        return out;
    }

    public static String require(Map<String, String> opt, String key) {
        String v = opt.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return v;
    }

    public static Reader rows(int n, java.util.function.IntFunction<String> row) {
        return new Reader() {
            private int next;
            private String current = "";
            private int pos;

            @Override
            public int read(char[] buf, int off, int len) {
                int written = 0;
                while (written < len) {
                    if (pos == current.length()) {
                        if (next == n) {
                            break;
                        }
                        current = row.apply(next++);
                        pos = 0;
                    }
                    int k = Math.min(len - written, current.length() - pos);
                    current.getChars(pos, pos + k, buf, off + written);
                    pos += k;
                    written += k;
                }
                return written == 0 ? -1 : written;
            }

            @Override
            public void close() {
            }
        };
    }

    public static long seedOf(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ 0x9E3779B97F4A7C15L;
    }

    public static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}

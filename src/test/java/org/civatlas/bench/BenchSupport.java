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
        try {
            return DriverManager.getConnection(url, user, "");
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) { // invalid_catalog_name: database does not exist
                throw e;
            }
        }
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String db = url.substring(slash + 1, query < 0 ? url.length() : query);
        String adminUrl = url.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : url.substring(query));
        try (Connection admin = DriverManager.getConnection(adminUrl, user, "");
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE \"" + db.replace("\"", "\"\"") + "\"");
        }
        return DriverManager.getConnection(url, user, "");
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

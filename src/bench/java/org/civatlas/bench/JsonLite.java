package org.civatlas.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the national files of the benchmarks (the 210 MB county file): objects → LinkedHashMap, arrays of numbers → double[],
 * other arrays → ArrayList, numbers → Double. Works on the UTF-8 bytes; no dependency needed.
 */
public final class JsonLite {
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private final byte[] b;
    private int i;
    private double[] nums = new double[8];

    public JsonLite(byte[] bytes) {
        this.b = bytes;
    }

    public Object parse() {
        Object v = value();
        ws();
        if (i != b.length) {
            throw error("trailing data");
        }
        return v;
    }

    private IllegalArgumentException error(String m) {
        return new IllegalArgumentException(m + " at byte " + i);
    }

    private void ws() {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
    }

    private Object value() {
        ws();
        if (i >= b.length) {
            throw error("unexpected end");
        }
        byte c = b[i];
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Object literal(String text, Object v) {
        for (int k = 0; k < text.length(); k++) {
            if (i + k >= b.length || b[i + k] != text.charAt(k)) {
                throw error("bad literal");
            }
        }
        i += text.length();
        return v;
    }

    private Map<String, Object> object() {
        i++;
        Map<String, Object> m = new LinkedHashMap<>();
        ws();
        if (b[i] == '}') {
            i++;
            return m;
        }
        while (true) {
            ws();
            String k = string();
            ws();
            if (b[i++] != ':') {
                throw error("expected :");
            }
            m.put(k, value());
            ws();
            byte c = b[i++];
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
    }

    private Object array() {
        i++;
        ws();
        if (b[i] == ']') {
            i++;
            return new ArrayList<>();
        }
        if (b[i] == '-' || (b[i] >= '0' && b[i] <= '9')) {
            int n = 0;
            while (true) {
                ws();
                if (n == nums.length) {
                    nums = Arrays.copyOf(nums, n * 2);
                }
                nums[n++] = number();
                ws();
                byte c = b[i++];
                if (c == ']') {
                    return Arrays.copyOf(nums, n);
                }
                if (c != ',') {
                    throw error("expected , or ] in number array");
                }
            }
        }
        List<Object> l = new ArrayList<>();
        while (true) {
            l.add(value());
            ws();
            byte c = b[i++];
            if (c == ']') {
                return l;
            }
            if (c != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private String string() {
        if (b[i] != '"') {
            throw error("expected string");
        }
        int start = ++i;
        boolean escaped = false;
        while (b[i] != '"') {
            if (b[i] == '\\') {
                escaped = true;
                i++;
            }
            i++;
        }
        String raw = new String(b, start, i - start, StandardCharsets.UTF_8);
        i++;
        return escaped ? unescape(raw) : raw;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++k);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(k + 1, k + 5), 16));
                    k += 4;
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }

    /** Clinger's fast path (exact for up to 15 significant digits and 22 decimals), else Double.parseDouble. */
    private double number() {
        int start = i;
        boolean neg = false;
        if (b[i] == '-') {
            neg = true;
            i++;
        }
        long mant = 0;
        int digits = 0;
        int decimals = 0;
        boolean simple = true;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            mant = mant * 10 + (b[i++] - '0');
            digits++;
        }
        if (i < b.length && b[i] == '.') {
            i++;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                mant = mant * 10 + (b[i++] - '0');
                digits++;
                decimals++;
            }
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            simple = false;
            i++;
            if (b[i] == '+' || b[i] == '-') {
                i++;
            }
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        }
        if (i == start || (neg && i == start + 1)) {
            throw error("bad number");
        }
        if (simple && digits <= 15 && decimals <= 22) {
            double v = decimals == 0 ? (double) mant : mant / POW10[decimals];
            return neg ? -v : v;
        }
        return Double.parseDouble(new String(b, start, i - start, StandardCharsets.US_ASCII));
    }
}

package org.civatlas.exchange.formats;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Charset names as found in .cpg files ("GBK", "UTF-8", "936", "65001", "ANSI 1252" ...). */
final class Encodings {

    private Encodings() {
    }

    /** The charset named by .cpg content, or empty if it names none that Java knows. */
    static Optional<Charset> fromCpg(String cpg) {
        if (cpg == null) {
            return Optional.empty();
        }
        String s = cpg.trim().replace("\uFEFF", "").toUpperCase(Locale.ROOT);
        if (s.startsWith("ANSI ")) {
            s = s.substring(5).trim();
        }
        if (s.startsWith("CP") && s.length() > 2 && Character.isDigit(s.charAt(2))) {
            s = s.substring(2);
        }
        String name = switch (s) {
            case "65001", "UTF8", "UTF-8" -> "UTF-8";
            case "936", "GBK", "GB2312", "GB-2312", "EUC-CN" -> "GBK";
            case "54936", "GB18030" -> "GB18030";
            case "950", "BIG5" -> "Big5";
            case "1252" -> "windows-1252";
            case "88591", "8859-1", "ISO-8859-1", "LATIN1" -> "ISO-8859-1";
            case "437" -> "IBM437";
            default -> s.matches("\\d{3,5}") ? "windows-" + s : s;
        };
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Charset orUtf8(Charset c) {
        return c == null ? StandardCharsets.UTF_8 : c;
    }
}

package org.civatlas.places;

import java.util.ArrayList;
import java.util.List;

/**
 * What a place name may contain: CJK ideographs, Uyghur (Arabic script) letters, Latin letters, digits, the middle
 * dot and a few joining marks. Anything else (markup, control characters) is refused, naming the field.
 */
public final class NameRules {

    public static final int MAX_NAME_LENGTH = 50;

    private NameRules() {
    }

    public static List<String> violations(String field, String name) {
        List<String> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(field + "：名称不能为空 / " + field + " must not be empty");
            return errors;
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            errors.add(field + "：名称不能超过 " + MAX_NAME_LENGTH + " 个字符 / " + field + " is longer than "
                    + MAX_NAME_LENGTH + " characters");
        }
        int bad = name.codePoints().filter(cp -> !allowed(cp)).findFirst().orElse(-1);
        if (bad >= 0) {
            errors.add(field + "：含有不允许的字符 '" + new String(Character.toChars(bad)) + "'（U+"
                    + Integer.toHexString(bad).toUpperCase() + "）；地名只能使用汉字、维吾尔文、拉丁字母和数字 / " + field
                    + " contains a character that is not allowed in a place name");
        }
        return errors;
    }

    static boolean allowed(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || (script == Character.UnicodeScript.ARABIC && Character.isLetter(cp))
                || (script == Character.UnicodeScript.LATIN && Character.isLetter(cp))
                || Character.isDigit(cp) && cp < 128
                || cp == ' ' || cp == '·' || cp == '-' || cp == '\'' || cp == 0x200C || cp == 0x0640;
    }
}

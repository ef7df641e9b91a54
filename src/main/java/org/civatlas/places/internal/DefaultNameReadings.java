package org.civatlas.places.internal;

import net.sourceforge.pinyin4j.PinyinHelper;
import org.civatlas.places.NameReadings;
import org.springframework.stereotype.Component;

/** TEMPORARY minimal readings; replaced by the romanization package. */
@Component
class DefaultNameReadings implements NameReadings {

    @Override
    public String propose(String chineseName, String romanizeAs) {
        return toneless(chineseName);
    }

    @Override
    public String toneless(String chineseName) {
        StringBuilder sb = new StringBuilder();
        for (char c : chineseName.toCharArray()) {
            String[] r = PinyinHelper.toHanyuPinyinStringArray(c);
            sb.append(r == null || r.length == 0 ? String.valueOf(c) : r[0].replaceAll("[0-9]", ""));
        }
        return sb.toString();
    }

    @Override
    public String uyghurLatin(String uyghurName) {
        return null;
    }
}

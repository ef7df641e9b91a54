package org.civatlas.common;

import org.springframework.http.HttpStatus;

/**
 * Optimistic locking as the user sees it: an edit names the version of the record it was made on, and an edit of a
 * version someone else has since replaced is refused (409) instead of silently overwriting their change. Two edits
 * racing on the same version are caught by the entity's {@code @Version} column at commit and answered the same way
 * (see the problem handler).
 */
public final class Versions {

    private Versions() {
    }

    /**
     * @param given   the version the client loaded (from the record's {@code version} field)
     * @param current the stored version
     * @param what    the record, for the message (e.g. "设施 facility 6")
     */
    public static void require(Long given, long current, String what) {
        if (given == null) {
            throw ProblemException.badParameter("version", "请给出所编辑记录的版本号 version（读取记录时返回）/ give the "
                    + "version of the record you edited (the version field of the record as you loaded it)");
        }
        requireIfGiven(given, current, what);
    }

    /** As {@link #require}, for records whose edits may leave the version out (then the last write wins). */
    public static void requireIfGiven(Long given, long current, String what) {
        if (given != null && given != current) {
            throw new ProblemException(HttpStatus.CONFLICT, "Edited by someone else", what + " 已被他人修改（当前版本 "
                    + current + "，你编辑的是版本 " + given + "）：请重新加载后再修改 / " + what + " was changed by "
                    + "someone else since you loaded it (now version " + current + ", yours " + given + "): reload "
                    + "it and apply your change again", "version");
        }
    }
}

package org.civatlas.exchange;

import java.util.List;
import org.civatlas.common.ProblemException;
import org.springframework.http.HttpStatus;

/** The one answer to a commit whose plan has problems: 422, nothing written, the first problems by feature. */
final class ImportRefused {

    static final int LISTED = 20;

    private ImportRefused() {
    }

    static ProblemException problem(Problems problems) {
        long n = problems.count();
        List<ImportPreview.ImportProblem> first = problems.listed();
        StringBuilder listed = new StringBuilder();
        for (ImportPreview.ImportProblem p : first.subList(0, Math.min(LISTED, first.size()))) {
            listed.append(listed.isEmpty() ? "" : "; ").append('#').append(p.index()).append(": ").append(p.reason());
        }
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused", n + " 个问题，未导入任何数据 / "
                + n + " problems, nothing was imported: " + listed + (n > LISTED ? " …" : ""), "file");
    }
}

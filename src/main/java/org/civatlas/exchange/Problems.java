package org.civatlas.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one read of a file: all are counted, the first {@link #MAX_LISTED} are kept (a file of a million
 * bad features must not fill the heap, nor the preview kept with the job).
 */
final class Problems {

    static final int MAX_LISTED = 1000;

    private final List<ImportPreview.ImportProblem> listed = new ArrayList<>();
    private long count;

    void add(ImportPreview.ImportProblem problem) {
        count++;
        if (listed.size() < MAX_LISTED) {
            listed.add(problem);
        }
    }

    long count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    List<ImportPreview.ImportProblem> listed() {
        return listed;
    }
}

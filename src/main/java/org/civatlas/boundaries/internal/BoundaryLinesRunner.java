package org.civatlas.boundaries.internal;

import org.civatlas.boundaries.BoundaryLineService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Derives the boundary lines at start, after the units are loaded (unchanged lines are kept as they are). */
@Component
@Order(40)
class BoundaryLinesRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BoundaryLinesRunner.class);

    private final BoundaryLineService lines;

    BoundaryLinesRunner(BoundaryLineService lines) {
        this.lines = lines;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("{} current boundary lines", lines.recomputeAll());
    }
}
